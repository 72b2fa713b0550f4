// SPDX-License-Identifier: LGPL-2.1-or-later
// Publishing drafts, the list of published versions, the diff of a version against the one
// before it, and one-click rollback.

import {api} from '../api.js';
import {h, mount} from '../dom.js';
import {formatDateTime, formatNumber, t} from '../i18n.js';

/** the publish bar: an optional comment and the button; @done runs after a publish */
export function publishForm(done) {
  const comment = h('input', {id: 'publish-comment', placeholder: t('publish.comment'), 'aria-label': t('publish.comment')});
  const result = h('span', {class: 'status-line', 'aria-live': 'polite', id: 'publish-result'});
  const button = h('button', {type: 'submit', id: 'publish'}, t('publish.button'));
  return h('form', {class: 'publish-bar', onsubmit: async (e) => {
    e.preventDefault();
    button.disabled = true;
    try {
      const res = await api('POST', '/kb/publish', {body: comment.value ? {comment: comment.value} : {}});
      result.textContent = t('publish.done', {version: res.version, entries: formatNumber(res.entries)});
      comment.value = '';
      if (done)
        setTimeout(done, 1200);
    } catch (err) {
      result.textContent = t('error.generic', {message: err.message});
    } finally {
      button.disabled = false;
    }
  }}, h('span', {class: 'muted'}, t('publish.hint')), comment, button, result);
}

// the entries of a published version by topic, fetched once per version (the export)
const versionCache = new Map();
function versionEntries(version) {
  if (version < 1)
    return Promise.resolve(new Map());
  if (!versionCache.has(version)) {
    const p = api('GET', '/kb/export', {query: {format: 'json', version}}).then((entries) =>
      new Map((Array.isArray(entries) ? entries : []).map((e) => [e.topic_id, e])));
    p.catch(() => versionCache.delete(version));
    versionCache.set(version, p);
  }
  return versionCache.get(version);
}

// a field path of the diff ("content.th", "tags") in an entry, as text
function fieldText(entry, path) {
  let value = entry;
  for (const part of path.split('.'))
    value = value && typeof value === 'object' ? value[part] : undefined;
  if (Array.isArray(value))
    return value.join('\n');
  return value === undefined || value === null ? '' : String(value);
}

const LANG_OF_FIELD = {en: 'en', th: 'th', zh: 'zh-Hans'};

function diffView(diff, version, against) {
  const list = (items, cls) => (items.length ? h('ul', {class: cls}, items.map((item) => h('li', {}, item))) : h('p', {class: 'muted'}, t('history.nothing')));
  const changedItem = (c) => {
    const values = h('div', {class: 'field-diff'});
    const show = h('button', {type: 'button', class: 'link show-values', onclick: async () => {
      show.disabled = true;
      try {
        const [before, after] = await Promise.all([versionEntries(against), versionEntries(version)]);
        const old = before.get(c.topic_id) || {};
        const now = after.get(c.topic_id) || {};
        mount(values, h('table', {class: 'diff'},
          h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, t('editor.conflict.field')),
            h('th', {scope: 'col'}, t('history.before', {version: against})), h('th', {scope: 'col'}, t('history.after', {version})))),
          h('tbody', {}, (c.fields || []).map((f) => {
            const lang = LANG_OF_FIELD[f.split('.')[1]] || null;
            return h('tr', {'data-field': f}, h('th', {scope: 'row'}, f),
              h('td', {class: 'mine', lang}, fieldText(old, f)), h('td', {class: 'theirs', lang}, fieldText(now, f)));
          }))));
        show.remove();
      } catch (err) {
        mount(values, h('p', {class: 'alert error'}, t('error.generic', {message: err.message})));
        show.disabled = false;
      }
    }}, t('history.show_values'));
    return h('li', {}, h('a', {href: '#/kb/edit/' + encodeURIComponent(c.topic_id)}, c.topic_id), ' — ', (c.fields || []).join(', '), ' ',
      show, values);
  };
  return h('div', {class: 'diff-view', id: 'history-diff'},
    h('h3', {}, t('history.added', {n: diff.added.length})), list(diff.added, 'added'),
    h('h3', {}, t('history.removed', {n: diff.removed.length})), list(diff.removed, 'removed'),
    h('h3', {}, t('history.changed', {n: diff.changed.length})),
    diff.changed.length ? h('ul', {class: 'changed'}, diff.changed.map(changedItem)) : h('p', {class: 'muted'}, t('history.nothing')));
}

export async function render({main, navigate, hasRole}) {
  const detail = h('section', {class: 'history-detail', 'aria-live': 'polite'});
  const res = await api('GET', '/kb/versions');
  const versions = res.versions || [];

  async function show(v) {
    mount(detail, h('p', {class: 'muted'}, t('common.loading')));
    const diff = await api('GET', `/kb/versions/${v.version}/diff`);
    mount(detail,
      h('h2', {}, t('history.version', {version: v.version})),
      h('p', {}, t('history.against', {version: v.version - 1})),
      diffView(diff, v.version, v.version - 1),
      hasRole('editor') ? h('button', {type: 'button', class: 'danger', id: 'rollback', onclick: async (e) => {
        if (!confirm(t('history.rollback_confirm', {version: v.version})))
          return;
        e.target.disabled = true;
        try {
          const done = await api('POST', `/kb/versions/${v.version}/rollback`);
          mount(detail, h('p', {class: 'alert info', id: 'rollback-done'}, t('history.rolled_back', {version: v.version, new_version: done.version})));
          setTimeout(() => navigate('history'), 1200);
        } catch (err) {
          mount(detail, h('p', {class: 'alert error'}, t('error.generic', {message: err.message})));
        }
      }}, t('history.rollback', {version: v.version})) : null);
  }

  mount(main,
    h('div', {class: 'page-head'}, h('h1', {}, t('history.title'))),
    hasRole('editor') ? publishForm(() => navigate('history')) : null,
    versions.length === 0 ? h('p', {class: 'empty'}, t('history.none')) : h('div', {class: 'scroll'},
      h('table', {class: 'list', id: 'versions'},
        h('thead', {}, h('tr', {}, ['version', 'published_at', 'published_by', 'comment', 'entries', ''].map((c) =>
          h('th', {scope: 'col'}, c ? t('history.col.' + c) : '')))),
        h('tbody', {}, versions.map((v) => h('tr', {'data-version': v.version},
          h('td', {}, String(v.version)), h('td', {}, formatDateTime(v.published_at)), h('td', {}, v.published_by || '–'),
          h('td', {}, v.comment || ''), h('td', {class: 'num'}, formatNumber(v.entries || 0)),
          h('td', {}, h('button', {type: 'button', class: 'secondary show-version', onclick: () => show(v)}, t('history.show')))))))),
    detail);
}
