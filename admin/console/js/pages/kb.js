// SPDX-License-Identifier: LGPL-2.1-or-later
// The KB list: search in any language, filters, sorting, paging; the state lives in the
// URL hash so that a reload or a shared link shows the same list.

import {api} from '../api.js';
import {debounce, field, h, mount} from '../dom.js';
import {LANGUAGES, LANG_TAGS, formatDateTime, formatNumber, t} from '../i18n.js';
import {publishForm} from './history.js';

const PAGE_SIZES = [25, 50, 100, 200];
let refocusSearch = false;

function languagesOf(entry) {
  return LANGUAGES.map((lang) => {
    const has = Boolean(entry.content && entry.content[lang]) && Boolean(entry.questions && entry.questions[lang] && entry.questions[lang].length);
    return h('span', {class: ['badge', has ? 'ok' : 'missing'], title: has ? t('kb.lang_present', {lang: t('lang.' + lang)})
      : t('kb.lang_missing', {lang: t('lang.' + lang)})}, lang);
  });
}

function preview(entry) {
  for (const lang of LANGUAGES) {
    const q = entry.questions && entry.questions[lang];
    if (q && q.length)
      return h('span', {lang: LANG_TAGS[lang], class: 'preview'}, q[0]);
  }
  return null;
}

/** the list's state from the URL hash's query, with defaults; also the API query */
export function listQuery(query) {
  return {
    q: query.get('q') || '', category: query.get('category') || '', tag: query.get('tag') || '',
    missing: query.get('missing') || '', status: query.get('status') || '',
    sort: query.get('sort') || 'topic_id', order: query.get('order') || 'asc',
    offset: Number(query.get('offset') || 0), limit: Number(query.get('limit') || 50),
  };
}

export async function render({main, query, navigate, hasRole}) {
  const q = listQuery(query);
  const update = (changes) => navigate('kb', {...q, ...changes, offset: changes.offset ?? 0});

  const [searchField, search] = field(t('kb.search'), h('input', {type: 'search', id: 'kb-search', value: q.q,
    placeholder: t('kb.search_placeholder')}));
  search.addEventListener('input', debounce(() => {
    refocusSearch = true;
    update({q: search.value});
  }, 300));
  if (refocusSearch) {
    // the list re-renders as one types: keep typing in the new search field
    refocusSearch = false;
    setTimeout(() => {
      search.focus();
      search.setSelectionRange(search.value.length, search.value.length);
    }, 0);
  }
  const [categoryField] = field(t('kb.category'), h('input', {id: 'kb-category', value: q.category, list: 'kb-categories',
    onchange: (e) => update({category: e.target.value})}));
  const [tagField] = field(t('kb.tag'), h('input', {id: 'kb-tag', value: q.tag, onchange: (e) => update({tag: e.target.value})}));
  const [missingField] = field(t('kb.missing'), h('select', {id: 'kb-missing', onchange: (e) => update({missing: e.target.value})},
    h('option', {value: ''}, t('kb.any')),
    LANGUAGES.map((lang) => h('option', {value: lang, selected: q.missing === lang}, t('lang.' + lang)))));
  const [statusField] = field(t('kb.status'), h('select', {id: 'kb-status', onchange: (e) => update({status: e.target.value})},
    h('option', {value: ''}, t('kb.any')),
    ['draft', 'published', 'deleted'].map((st) => h('option', {value: st, selected: q.status === st}, t('status.' + st)))));
  const [sortField] = field(t('kb.sort'), h('select', {id: 'kb-sort', onchange: (e) => update({sort: e.target.value})},
    ['topic_id', 'category', 'updated_at'].map((key) => h('option', {value: key, selected: q.sort === key}, t('kb.col.' + key)))));
  const [orderField] = field(t('kb.order'), h('select', {id: 'kb-order', onchange: (e) => update({order: e.target.value})},
    ['asc', 'desc'].map((key) => h('option', {value: key, selected: q.order === key}, t('kb.order.' + key)))));

  const tableArea = h('div', {class: 'table-area', 'aria-live': 'polite'}, h('p', {class: 'muted'}, t('common.loading')));
  const datalist = h('datalist', {id: 'kb-categories'});
  mount(main,
    h('div', {class: 'page-head'}, h('h1', {}, t('kb.title')),
      hasRole('editor') ? h('div', {class: 'actions'},
        h('a', {class: 'button', href: '#/kb/new', id: 'kb-new'}, t('kb.new'))) : null),
    hasRole('editor') ? publishForm(() => navigate('kb', q)) : null,
    h('form', {class: 'filters', role: 'search', onsubmit: (e) => { e.preventDefault(); update({q: search.value}); }},
      searchField, categoryField, tagField, missingField, statusField, sortField, orderField),
    datalist, tableArea);

  const res = await api('GET', '/kb', {query: q});
  mount(datalist, [...new Set(res.entries.map((e) => e.category).filter(Boolean))].map((c) => h('option', {value: c})));

  const sortHeader = (key) => h('th', {scope: 'col', 'aria-sort': q.sort === key ? (q.order === 'asc' ? 'ascending' : 'descending') : null},
    h('button', {type: 'button', class: 'link', onclick: () => update({sort: key, order: q.sort === key && q.order === 'asc' ? 'desc' : 'asc'})},
      t('kb.col.' + key), q.sort === key ? (q.order === 'asc' ? ' ▲' : ' ▼') : ''));
  const rows = res.entries.map((entry) => h('tr', {'data-topic': entry.topic_id},
    h('td', {}, h('a', {href: '#/kb/edit/' + encodeURIComponent(entry.topic_id)}, entry.topic_id), h('br'), preview(entry)),
    h('td', {}, entry.category || ''),
    h('td', {}, (entry.tags || []).map((tag) => h('span', {class: 'tag'}, tag))),
    h('td', {class: 'langs'}, languagesOf(entry)),
    h('td', {}, h('span', {class: ['status', 'status-' + entry.status]}, t('status.' + entry.status))),
    h('td', {}, formatDateTime(entry.updated_at), entry.updated_by ? h('small', {class: 'muted'}, ' · ' + entry.updated_by) : null)));

  const first = res.total === 0 ? 0 : res.offset + 1;
  const last = res.offset + res.entries.length;
  const pager = h('nav', {class: 'pager', 'aria-label': t('kb.paging')},
    h('button', {type: 'button', class: 'secondary', disabled: res.offset === 0,
      onclick: () => update({offset: Math.max(0, res.offset - q.limit)})}, t('kb.prev')),
    h('span', {id: 'kb-range'}, t('kb.range', {first: formatNumber(first), last: formatNumber(last), total: formatNumber(res.total)})),
    h('button', {type: 'button', class: 'secondary', disabled: last >= res.total,
      onclick: () => update({offset: res.offset + q.limit})}, t('kb.next')),
    h('label', {}, t('kb.page_size') + ' ',
      h('select', {onchange: (e) => update({limit: e.target.value})},
        PAGE_SIZES.map((n) => h('option', {value: n, selected: n === q.limit}, formatNumber(n))))));
  mount(tableArea,
    res.entries.length === 0 ? h('p', {class: 'empty'}, t('kb.none')) : h('div', {class: 'scroll'},
      h('table', {class: 'list', id: 'kb-table'},
        h('thead', {}, h('tr', {}, sortHeader('topic_id'), sortHeader('category'), h('th', {scope: 'col'}, t('kb.col.tags')),
          h('th', {scope: 'col'}, t('kb.col.languages')), h('th', {scope: 'col'}, t('kb.col.status')), sortHeader('updated_at'))),
        h('tbody', {}, rows))),
    pager);
}
