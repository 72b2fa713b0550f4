/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The Cblue chat widget. One tag on any page adds a chat bubble:
 *   <script src="https://chat.example.com/widget.js" data-title="Ask us" async></script>
 * Optional attributes: data-title, data-lang (else the page's lang), data-open ("true").
 *
 * No framework, no dependencies. Everything lives in a shadow root, so the page's
 * CSS cannot reach in and ours cannot leak out. Bot replies are rendered as text
 * (textContent), never as HTML. WebSocket first, with automatic reconnect; HTTP POST
 * when WebSockets are unavailable. The conversation id and the messages are kept in
 * sessionStorage, and the history is reloaded from the server on the next page.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__cblueWidget) return;
  window.__cblueWidget = true;

  var base = new URL(script.src, location.href);
  var origin = base.origin;
  var wsUrl = origin.replace(/^http/, 'ws') + '/api/v1/chat/ws';
  var store = window.sessionStorage;
  var KEY = 'cblue:' + origin;

  /* chrome strings; the bot's own replies come in the visitor's language from the server */
  var STRINGS = {
    en: { title: 'Chat with us', open: 'Open chat', close: 'Close chat', placeholder: 'Type your message…',
          send: 'Send', typing: 'Typing…', up: 'Helpful', down: 'Not helpful', offline: 'Reconnecting…',
          error: 'Sorry, something went wrong. Please try again.', thanks: 'Thanks for your feedback' },
    th: { title: 'แชทกับเรา', open: 'เปิดแชท', close: 'ปิดแชท', placeholder: 'พิมพ์ข้อความ…',
          send: 'ส่ง', typing: 'กำลังพิมพ์…', up: 'มีประโยชน์', down: 'ไม่มีประโยชน์', offline: 'กำลังเชื่อมต่อใหม่…',
          error: 'ขออภัย เกิดข้อผิดพลาด กรุณาลองใหม่อีกครั้ง', thanks: 'ขอบคุณสำหรับความคิดเห็น' },
    zh: { title: '在线咨询', open: '打开聊天', close: '关闭聊天', placeholder: '请输入您的问题…',
          send: '发送', typing: '正在输入…', up: '有帮助', down: '没有帮助', offline: '正在重新连接…',
          error: '抱歉，出了点问题，请重试。', thanks: '感谢您的反馈' }
  };
  function pageLang() {
    var l = (script.getAttribute('data-lang') || document.documentElement.lang || navigator.language || 'en');
    l = l.toLowerCase().slice(0, 2);
    return STRINGS[l] ? l : 'en';
  }
  var lang = pageLang();
  function t(key) { return STRINGS[lang][key]; }

  var CSS = [
    ':host{all:initial}',
    '*{box-sizing:border-box;font-family:system-ui,-apple-system,"Segoe UI","Noto Sans Thai","Noto Sans SC",sans-serif}',
    '.bubble{display:flex;align-items:center;justify-content:center;position:fixed;inset-block-end:20px;inset-inline-end:20px;width:56px;height:56px;border-radius:50%;',
    'border:none;background:#0b63ce;color:#fff;font-size:26px;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);z-index:2147483000}',
    '.bubble:focus-visible,button:focus-visible,textarea:focus-visible{outline:3px solid #ffb000;outline-offset:2px}',
    '.panel{position:fixed;inset-block-end:88px;inset-inline-end:20px;width:360px;max-width:calc(100vw - 24px);',
    'height:520px;max-height:calc(100vh - 110px);display:flex;flex-direction:column;background:#fff;color:#1b1b1b;',
    'border-radius:14px;box-shadow:0 8px 30px rgba(0,0,0,.25);overflow:hidden;z-index:2147483000}',
    '.panel[hidden]{display:none}',
    'header{display:flex;align-items:center;justify-content:space-between;padding:12px 14px;background:#0b63ce;color:#fff}',
    'header h2{margin:0;font-size:16px;font-weight:600}',
    'header button{background:transparent;border:none;color:#fff;font-size:22px;cursor:pointer;line-height:1}',
    '.log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;background:#f6f7f9}',
    '.msg{max-width:85%;padding:8px 11px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere;font-size:14px;line-height:1.45}',
    '.user{align-self:flex-end;background:#0b63ce;color:#fff}',
    '.bot{align-self:flex-start;background:#fff;border:1px solid #dde1e6}',
    '.rate{display:flex;gap:6px;margin-block-start:6px}',
    '.rate button{border:1px solid #cfd5dc;background:#fff;color:#5c6670;border-radius:8px;padding:3px 8px;cursor:pointer;line-height:0}',
    '.rate button[aria-pressed="true"]{background:#e7f0fb;border-color:#0b63ce}',
    '.status{font-size:12px;color:#5c6670;padding:0 14px 4px;min-height:16px}',
    'form{display:flex;gap:8px;padding:10px;border-block-start:1px solid #e3e6ea;background:#fff}',
    'textarea{flex:1;resize:none;border:1px solid #cfd5dc;border-radius:10px;padding:8px;font-size:14px;height:40px;max-height:120px}',
    'form button{border:none;border-radius:10px;background:#0b63ce;color:#fff;padding:0 14px;font-size:14px;cursor:pointer}',
    '@media (max-width:480px){.panel{inset:0;width:100%;max-width:none;height:100%;max-height:none;border-radius:0}}'
  ].join('');

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }

  /* icons as SVG paths: emoji depend on the visitor's fonts */
  var ICONS = {
    chat: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z',
    up: 'M2 10h4v11H2zM8 21h9.5a2 2 0 0 0 2-1.6l1.4-7A2 2 0 0 0 19 10h-5.5l.8-4.2A1.8 1.8 0 0 0 12.5 4L8 9.5z',
    down: 'M22 14h-4V3h4zM16 3H6.5a2 2 0 0 0-2 1.6l-1.4 7A2 2 0 0 0 5 14h5.5l-.8 4.2a1.8 1.8 0 0 0 1.8 1.8L16 14.5z'
  };
  function icon(name, size) {
    var NS = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', size);
    svg.setAttribute('height', size);
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('fill', 'currentColor');
    var path = document.createElementNS(NS, 'path');
    path.setAttribute('d', ICONS[name]);
    svg.appendChild(path);
    return svg;
  }

  var host = el('div', { 'data-cblue-widget': '' });
  var root = host.attachShadow({ mode: 'open' });
  if (root.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === 'function') {
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } catch (e) { root.appendChild(el('style', {}, CSS)); }
  } else {
    root.appendChild(el('style', {}, CSS));
  }

  var bubble = el('button', { 'class': 'bubble', type: 'button', 'aria-label': t('open'),
                              'aria-expanded': 'false', 'aria-controls': 'cblue-panel' });
  bubble.appendChild(icon('chat', 26));
  var panel = el('section', { 'class': 'panel', id: 'cblue-panel', role: 'dialog', 'aria-label':
                              script.getAttribute('data-title') || t('title'), hidden: '' });
  var header = el('header');
  var title = el('h2', {}, script.getAttribute('data-title') || t('title'));
  var closeBtn = el('button', { type: 'button', 'aria-label': t('close') }, '×');
  header.appendChild(title);
  header.appendChild(closeBtn);
  var log = el('div', { 'class': 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions' });
  var status = el('div', { 'class': 'status', 'aria-live': 'polite' });
  var form = el('form');
  var input = el('textarea', { rows: '1', 'aria-label': t('placeholder'), placeholder: t('placeholder'),
                               maxlength: '4000', dir: 'auto' });
  var sendBtn = el('button', { type: 'submit' }, t('send'));
  form.appendChild(input);
  form.appendChild(sendBtn);
  panel.appendChild(header);
  panel.appendChild(log);
  panel.appendChild(status);
  panel.appendChild(form);
  root.appendChild(bubble);
  root.appendChild(panel);

  /* state kept across page loads of this tab */
  var state = { conversationId: null, messages: [] };
  try { state = JSON.parse(store.getItem(KEY)) || state; } catch (e) { /* a fresh start */ }
  function save() {
    try {
      state.messages = state.messages.slice(-100);
      store.setItem(KEY, JSON.stringify(state));
    } catch (e) { /* storage may be full or disabled */ }
  }

  function rate(messageId, rating, buttons) {
    if (!state.conversationId || !messageId) return;
    buttons.forEach(function (b) { b.setAttribute('aria-pressed', b.dataset.rating === rating ? 'true' : 'false'); });
    fetch(origin + '/api/v1/feedback', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ conversation_id: state.conversationId, message_id: messageId, rating: rating })
    }).then(function (r) { if (r.ok) status.textContent = t('thanks'); }, function () {});
  }

  function render(m) {
    var div = el('div', { 'class': 'msg ' + (m.role === 'user' ? 'user' : 'bot'), dir: 'auto' }, m.text);
    if (m.role !== 'user' && m.messageId) {
      var bar = el('div', { 'class': 'rate' });
      var up = el('button', { type: 'button', 'aria-label': t('up'), 'aria-pressed': 'false' });
      var down = el('button', { type: 'button', 'aria-label': t('down'), 'aria-pressed': 'false' });
      up.appendChild(icon('up', 14));
      down.appendChild(icon('down', 14));
      up.dataset.rating = 'up';
      down.dataset.rating = 'down';
      up.addEventListener('click', function () { rate(m.messageId, 'up', [up, down]); });
      down.addEventListener('click', function () { rate(m.messageId, 'down', [up, down]); });
      bar.appendChild(up);
      bar.appendChild(down);
      div.appendChild(bar);
    }
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
  }
  function add(m) {
    state.messages.push(m);
    save();
    render(m);
  }
  state.messages.forEach(render);

  /* the server's copy wins: it is what another tab or device of this visitor saw too */
  function loadHistory() {
    if (!state.conversationId) return;
    fetch(origin + '/api/v1/conversations/' + encodeURIComponent(state.conversationId)).then(function (r) {
      return r.ok ? r.json() : null;
    }).then(function (data) {
      if (!data || !Array.isArray(data.messages)) return;
      state.messages = data.messages.map(function (m) {
        return { role: m.role === 'user' ? 'user' : 'bot', text: String(m.text || ''), messageId: m.message_id };
      });
      save();
      while (log.firstChild) log.removeChild(log.firstChild);
      state.messages.forEach(render);
    }, function () {});
  }

  /* streaming: the answer grows in a draft bubble as its tokens arrive (textContent, never
   * HTML); the final reply replaces it, since the reply's text is authoritative (a model
   * that fails mid-way is replaced by the knowledge base's own answer) */
  var draft = null;
  function onToken(data) {
    if (!draft) {
      status.textContent = '';
      draft = el('div', { 'class': 'msg bot streaming', dir: 'auto', 'aria-busy': 'true' }, '');
      log.appendChild(draft);
    }
    draft.textContent += String(data.text || '');
    log.scrollTop = log.scrollHeight;
  }
  function dropDraft() {
    if (draft && draft.parentNode) draft.parentNode.removeChild(draft);
    draft = null;
  }

  function onReply(data) {
    status.textContent = '';
    dropDraft();
    if (data.conversation_id) state.conversationId = data.conversation_id;
    add({ role: 'bot', text: String(data.reply || ''), messageId: data.message_id });
  }
  function onError() {
    status.textContent = '';
    dropDraft();
    add({ role: 'bot', text: t('error') });
  }

  /* transport: a WebSocket, reconnected with back-off; POST when it cannot connect */
  var ws = null, wsReady = false, wsFailures = 0, retryDelay = 1000, pending = [], retryTimer = null;
  function connect() {
    if (!('WebSocket' in window) || wsFailures >= 3) return;
    try { ws = new WebSocket(wsUrl); } catch (e) { wsFailures++; return; }
    ws.onopen = function () {
      wsReady = true; wsFailures = 0; retryDelay = 1000; status.textContent = '';
      while (pending.length) ws.send(pending.shift());
    };
    ws.onmessage = function (ev) {
      var data;
      try { data = JSON.parse(ev.data); } catch (e) { return; }
      if (data.type === 'typing') status.textContent = t('typing');
      else if (data.type === 'token') onToken(data);
      else if (data.type === 'reply') onReply(data);
      else if (data.type === 'error') onError();
    };
    ws.onclose = function () {
      var wasReady = wsReady;
      dropDraft();
      wsReady = false; ws = null;
      if (!wasReady) wsFailures++;
      if (wsFailures < 3 && !retryTimer) {
        if (!panel.hidden) status.textContent = t('offline');
        retryTimer = setTimeout(function () { retryTimer = null; connect(); }, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 30000);
      }
    };
  }

  function sendHttp(text) {
    status.textContent = t('typing');
    var body = { message: text };
    if (state.conversationId) body.conversation_id = state.conversationId;
    fetch(origin + '/api/v1/chat', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    }).then(function (r) { return r.json(); }).then(function (data) {
      if (data && data.reply !== undefined) onReply(data); else onError();
    }, onError);
  }

  function send(text) {
    add({ role: 'user', text: text });
    var frame = { type: 'message', text: text };
    if (state.conversationId) frame.conversation_id = state.conversationId;
    if (wsReady) ws.send(JSON.stringify(frame));
    else if (ws && wsFailures < 3) pending.push(JSON.stringify(frame));
    else sendHttp(text);
  }

  function setOpen(open) {
    panel.hidden = !open;
    bubble.setAttribute('aria-expanded', open ? 'true' : 'false');
    bubble.setAttribute('aria-label', open ? t('close') : t('open'));
    if (open) {
      if (!ws) connect();
      log.scrollTop = log.scrollHeight;
      input.focus();
    } else {
      bubble.focus();
    }
  }

  bubble.addEventListener('click', function () { setOpen(panel.hidden); });
  closeBtn.addEventListener('click', function () { setOpen(false); });
  panel.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') setOpen(false); });
  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit', { cancelable: true }));
    }
  });
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = '';
    send(text);
  });

  function mount() {
    document.body.appendChild(host);
    loadHistory();
    if (script.getAttribute('data-open') === 'true') setOpen(true);
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
