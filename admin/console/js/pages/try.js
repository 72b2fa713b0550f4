// SPDX-License-Identifier: LGPL-2.1-or-later
// "Try it": a question against the draft KB, with the retrieved topics, their scores and
// the detected language.

import {api} from '../api.js';
import {field, h, mount} from '../dom.js';
import {LANGUAGES, LANG_TAGS, formatNumber, languageName, t} from '../i18n.js';

export async function render({main}) {
  const [messageField, message] = field(t('try.message'), h('textarea', {id: 'try-message', rows: 3, required: true}));
  const [langField, language] = field(t('try.language'), h('select', {id: 'try-language'},
    h('option', {value: ''}, t('try.auto')), LANGUAGES.map((lang) => h('option', {value: lang}, t('lang.' + lang)))));
  const result = h('section', {class: 'try-result', id: 'try-result', 'aria-live': 'polite'});
  const ask = h('button', {type: 'submit', id: 'try-ask'}, t('try.ask'));

  const form = h('form', {class: 'card', onsubmit: async (e) => {
    e.preventDefault();
    if (!message.value.trim())
      return;
    ask.disabled = true;
    try {
      const res = await api('POST', '/kb/try', {body: language.value ? {message: message.value, language: language.value} : {message: message.value}});
      const maxScore = Math.max(1e-9, ...(res.hits || []).map((hit) => hit.score));
      mount(result,
        h('dl', {class: 'facts'},
          h('dt', {}, t('try.detected')), h('dd', {id: 'try-detected'}, languageName(res.language)),
          h('dt', {}, t('try.outcome')), h('dd', {id: 'try-outcome'}, t('outcome.' + res.outcome)),
          h('dt', {}, t('try.topic')), h('dd', {}, res.topic_id ? h('a', {href: '#/kb/edit/' + encodeURIComponent(res.topic_id)}, res.topic_id) : '–')),
        h('h2', {}, t('try.reply')),
        h('blockquote', {class: 'reply', id: 'try-reply', lang: LANG_TAGS[res.language] || null}, res.reply || ''),
        h('h2', {}, t('try.hits')),
        (res.hits || []).length === 0 ? h('p', {class: 'muted'}, t('try.no_hits')) : h('table', {class: 'list', id: 'try-hits'},
          h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, t('try.topic')), h('th', {scope: 'col'}, t('try.score')))),
          h('tbody', {}, res.hits.map((hit) => h('tr', {},
            h('td', {}, h('a', {href: '#/kb/edit/' + encodeURIComponent(hit.topic_id)}, hit.topic_id)),
            h('td', {class: 'score'}, h('meter', {min: 0, max: maxScore, value: hit.score, 'aria-hidden': 'true'}),
              ' ' + formatNumber(hit.score, {maximumFractionDigits: 3})))))));
    } catch (err) {
      mount(result, h('p', {class: 'alert error'}, t('error.generic', {message: err.message})));
    } finally {
      ask.disabled = false;
    }
  }}, messageField, langField, h('div', {class: 'actions'}, ask));

  mount(main, h('div', {class: 'page-head'}, h('h1', {}, t('try.title'))), h('p', {class: 'muted'}, t('try.hint')), form, result);
  message.focus();
}
