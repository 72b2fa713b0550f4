// SPDX-License-Identifier: LGPL-2.1-or-later
// Import with a preview (a dry run) before anything is applied, and export.

import {api, apiUrl} from '../api.js';
import {field, h, mount} from '../dom.js';
import {formatNumber, t} from '../i18n.js';

const MAX_FILE = 16 * 1024 * 1024;

function report(res) {
  const errors = res.errors || [];
  return h('div', {class: 'import-report', id: 'import-report'},
    h('p', {}, t('import.summary', {added: formatNumber(res.added.length), changed: formatNumber(res.changed.length),
      unchanged: formatNumber(res.unchanged || 0), errors: formatNumber(errors.length)})),
    errors.length ? h('table', {class: 'list errors'},
      h('caption', {}, t('import.errors')),
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, t('import.entry')), h('th', {scope: 'col'}, t('import.message')))),
      h('tbody', {}, errors.map((e) => h('tr', {}, h('td', {}, String(e.entry ?? '')), h('td', {}, e.message || ''))))) : null,
    res.added.length ? h('details', {open: true}, h('summary', {}, t('import.added')), h('ul', {}, res.added.map((x) => h('li', {}, x)))) : null,
    res.changed.length ? h('details', {open: true}, h('summary', {}, t('import.changed')), h('ul', {}, res.changed.map((x) => h('li', {}, x)))) : null);
}

export async function render({main, hasRole}) {
  const canEdit = hasRole('editor');
  const [fileField, file] = field(t('import.file'), h('input', {type: 'file', id: 'import-file', accept: '.json,.jsonl,.csv,application/json,text/csv'}));
  const [formatField, format] = field(t('import.format'), h('select', {id: 'import-format'},
    h('option', {value: 'json'}, 'JSON'), h('option', {value: 'csv'}, 'CSV')));
  const [textField, text] = field(t('import.paste'), h('textarea', {id: 'import-text', rows: 8, spellcheck: 'false'}));
  const result = h('div', {'aria-live': 'polite'});
  const apply = h('button', {type: 'button', id: 'import-apply', disabled: true}, t('import.apply'));
  let previewed = null;

  file.addEventListener('change', async () => {
    const f = file.files[0];
    if (!f)
      return;
    if (f.size > MAX_FILE) {
      mount(result, h('p', {class: 'alert error'}, t('import.too_large')));
      return;
    }
    format.value = f.name.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
    text.value = await f.text();
    apply.disabled = true;
  });
  text.addEventListener('input', () => { apply.disabled = true; });

  async function send(dryRun) {
    const body = text.value;
    const res = await api('POST', '/kb/import', {query: {format: format.value, dry_run: dryRun ? 1 : null}, raw: body,
      contentType: format.value === 'csv' ? 'text/csv; charset=utf-8' : 'application/json'}).catch((err) => {
      if (err.body && err.body.errors)
        return err.body;
      throw err;
    });
    return {res, body};
  }

  const preview = h('button', {type: 'button', id: 'import-preview', class: 'secondary', onclick: async () => {
    mount(result, h('p', {class: 'muted'}, t('common.loading')));
    try {
      const {res, body} = await send(true);
      previewed = body;
      mount(result, h('h2', {}, t('import.preview')), report(res));
      apply.disabled = !canEdit || (res.errors || []).length > 0;
    } catch (err) {
      mount(result, h('p', {class: 'alert error'}, t('error.generic', {message: err.message})));
    }
  }}, t('import.preview_button'));
  apply.addEventListener('click', async () => {
    if (text.value !== previewed)
      return;
    apply.disabled = true;
    try {
      const {res} = await send(false);
      mount(result, h('h2', {}, res.applied ? t('import.applied') : t('import.not_applied')), report(res));
    } catch (err) {
      mount(result, h('p', {class: 'alert error'}, t('error.generic', {message: err.message})));
    }
  });

  const versions = await api('GET', '/kb/versions').catch(() => ({versions: []}));
  const version = h('select', {id: 'export-version', 'aria-label': t('export.version')},
    h('option', {value: ''}, t('export.published')),
    (versions.versions || []).map((v) => h('option', {value: v.version}, t('history.version', {version: v.version}))));
  const exportLinks = h('p', {class: 'actions'});
  const refreshLinks = () => mount(exportLinks, ['json', 'csv'].map((fmt) => h('a', {class: 'button secondary', id: 'export-' + fmt,
    href: apiUrl('/kb/export', {format: fmt, version: version.value}), download: ''}, t('export.as', {format: fmt.toUpperCase()}))));
  version.addEventListener('change', refreshLinks);
  refreshLinks();

  mount(main,
    h('div', {class: 'page-head'}, h('h1', {}, t('import.title'))),
    canEdit ? h('section', {class: 'card'}, h('h2', {}, t('import.heading')), h('p', {class: 'muted'}, t('import.hint')),
      h('div', {class: 'meta-grid'}, fileField, formatField), textField, h('div', {class: 'actions'}, preview, apply), result) : null,
    h('section', {class: 'card'}, h('h2', {}, t('export.heading')), h('label', {}, t('export.version') + ' ', version), exportLinks));
}
