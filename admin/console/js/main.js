// SPDX-License-Identifier: LGPL-2.1-or-later
// The console shell: session, navigation, language switch and a hash router
// (#/kb, #/kb/edit/<topic>, …), so that /admin/ is the only page the server serves.

import {api, prefetch, setCsrfToken} from './api.js';
import {h, mount} from './dom.js';
import {LANG_TAGS, LANGUAGES, getLanguage, onLanguageChange, setLanguage, t} from './i18n.js';
import * as analytics from './pages/analytics.js';
import * as editor from './pages/editor.js';
import * as history from './pages/history.js';
import * as io from './pages/io.js';
import * as kb from './pages/kb.js';
import * as login from './pages/login.js';
import * as people from './pages/people.js';
import * as tryit from './pages/try.js';
import * as unanswered from './pages/unanswered.js';

const ROLE_RANK = {viewer: 1, editor: 2, admin: 3};

// path pattern → page; :name segments become params
const ROUTES = [
  {path: 'kb', page: kb, nav: 'nav.kb', role: 'viewer'},
  {path: 'kb/new', page: editor, role: 'editor'},
  {path: 'kb/edit/:topic', page: editor, role: 'viewer'},
  {path: 'history', page: history, nav: 'nav.history', role: 'viewer'},
  {path: 'import', page: io, nav: 'nav.import', role: 'viewer'},
  {path: 'try', page: tryit, nav: 'nav.try', role: 'editor'},
  {path: 'unanswered', page: unanswered, nav: 'nav.unanswered', role: 'viewer'},
  {path: 'analytics', page: analytics, nav: 'nav.analytics', role: 'viewer'},
  {path: 'tokens', page: people.tokens, nav: 'nav.tokens', role: 'viewer'},
  {path: 'users', page: people.users, nav: 'nav.users', role: 'admin'},
  {path: 'audit', page: people.audit, nav: 'nav.audit', role: 'admin'},
];

const state = {user: null};
const app = document.getElementById('app');

export function hasRole(role) {
  return state.user !== null && (ROLE_RANK[state.user.role] || 0) >= ROLE_RANK[role];
}

export function navigate(path, query) {
  const qs = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '' && v != null)).toString() : '';
  const hash = '#/' + path + (qs ? '?' + qs : '');
  if (location.hash === hash)
    route();
  else
    location.hash = hash;
}

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, qs] = raw.split('?');
  return {segments: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(qs || '')};
}

function match(segments) {
  for (const r of ROUTES) {
    const parts = r.path.split('/');
    if (parts.length !== segments.length)
      continue;
    const params = {};
    if (parts.every((part, i) => (part.startsWith(':') ? (params[part.slice(1)] = segments[i], true) : part === segments[i])))
      return {route: r, params};
  }
  return null;
}

function languageSwitch() {
  const select = h('select', {id: 'console-lang', 'aria-label': t('nav.language'),
    onchange: (e) => setLanguage(e.target.value)},
  LANGUAGES.map((lang) => h('option', {value: lang, lang: LANG_TAGS[lang], selected: lang === getLanguage()},
    t('lang.self.' + lang))));
  return select;
}

async function logout() {
  try {
    await api('DELETE', '/session');
  } catch (e) {
    // the session may be gone already
  }
  state.user = null;
  setCsrfToken(null);
  showLogin();
}

function shell(active) {
  const nav = h('nav', {class: 'nav', 'aria-label': t('nav.main')},
    h('ul', {}, ROUTES.filter((r) => r.nav && hasRole(r.role)).map((r) =>
      h('li', {}, h('a', {href: '#/' + r.path, 'aria-current': r === active ? 'page' : null}, t(r.nav))))));
  const main = h('main', {id: 'main', tabindex: '-1'});
  mount(app,
    h('header', {class: 'topbar'},
      h('a', {class: 'brand', href: '#/kb'}, t('app.title')),
      h('div', {class: 'session'},
        h('span', {class: 'who'}, t('nav.signed_in_as', {name: state.user.name, role: t('role.' + state.user.role)})),
        languageSwitch(),
        h('button', {type: 'button', class: 'secondary', id: 'logout', onclick: logout}, t('nav.logout')))),
    nav, main);
  return main;
}

function showLogin() {
  mount(app, h('header', {class: 'topbar'}, h('span', {class: 'brand'}, t('app.title')), h('div', {class: 'session'}, languageSwitch())),
    login.render({onLogin: (user, csrf) => {
      state.user = user;
      setCsrfToken(csrf);
      if (!location.hash || location.hash === '#/' || location.hash === '#/login')
        location.hash = '#/kb';
      else
        route();
    }}));
}

async function route() {
  if (state.user === null) {
    showLogin();
    return;
  }
  const {segments, query} = parseHash();
  const found = match(segments.length ? segments : ['kb']);
  if (!found || !hasRole(found.route.role)) {
    const main = shell(null);
    mount(main, h('h1', {}, t('error.not_found_title')), h('p', {}, t('error.not_found')));
    return;
  }
  const main = shell(found.route);
  document.title = t(found.route.nav || 'nav.kb') + ' · ' + t('app.title');
  try {
    await found.route.page.render({main, params: found.params, query, user: state.user, navigate, hasRole});
  } catch (e) {
    if (e && e.status === 401)
      return;
    mount(main, h('div', {class: 'alert error', role: 'alert'}, t('error.generic', {message: e.message || String(e)})));
  }
  main.dataset.ready = 'true';
}

async function boot() {
  window.addEventListener('hashchange', route);
  window.addEventListener('cblue-unauthorized', () => {
    state.user = null;
    showLogin();
  });
  onLanguageChange(route);
  // the first page's data is asked for together with the session, not after it
  const first = parseHash();
  if (first.segments.length === 0 || (first.segments.length === 1 && first.segments[0] === 'kb'))
    prefetch('/kb', kb.listQuery(first.query));
  try {
    const me = await api('GET', '/me');
    state.user = {name: me.name, role: me.role};
    setCsrfToken(me.csrf_token);
  } catch (e) {
    state.user = null;
  }
  await route();
  document.body.dataset.booted = 'true';
  // the first page is interactive: bench/admin-console.py reads this mark
  performance.mark('cblue-ready');
}

boot();
