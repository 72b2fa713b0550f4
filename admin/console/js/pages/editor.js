// SPDX-License-Identifier: LGPL-2.1-or-later
// The entry editor: English, Thai and Chinese side by side. Saving sends the revision the
// editor started from; a 409 shows what the other editor saved next to ours, and nothing is
// overwritten unless asked.

import {ApiError, api} from '../api.js';
import {field, h, mount} from '../dom.js';
import {LANGUAGES, LANG_TAGS, formatDateTime, t} from '../i18n.js';

const TOPIC_RE = /^[a-z0-9][a-z0-9._-]{0,127}$/;

const splitList = (text) => text.split(/[,\n]/).map((x) => x.trim()).filter(Boolean);
const splitLines = (text) => text.split('\n').map((x) => x.trim()).filter(Boolean);

function emptyEntry() {
  return {topic_id: '', category: '', tags: [], keywords: [], questions: {}, content: {}};
}

/** the entry in the DESIGN §4 format, from the form */
function collect(form) {
  const entry = {
    topic_id: form.topic.value.trim(),
    category: form.category.value.trim(),
    tags: splitList(form.tags.value),
    keywords: splitList(form.keywords.value),
    questions: {},
    content: {},
  };
  for (const lang of LANGUAGES) {
    const content = form['content_' + lang].value.trim();
    const questions = splitLines(form['questions_' + lang].value);
    if (content)
      entry.content[lang] = content;
    if (questions.length)
      entry.questions[lang] = questions;
  }
  if (!entry.category)
    delete entry.category;
  return entry;
}

function validate(entry, isNew) {
  const errors = {};
  if (isNew && !TOPIC_RE.test(entry.topic_id))
    errors.topic = t('editor.err.topic');
  if (Object.keys(entry.content).length === 0)
    errors.content_en = t('editor.err.no_content');
  for (const lang of LANGUAGES) {
    if (entry.questions[lang] && !entry.content[lang])
      errors['content_' + lang] = t('editor.err.questions_without_content', {lang: t('lang.' + lang)});
  }
  return errors;
}

// the fields of an entry as [key, label, text] for the conflict view
function flatten(entry) {
  const rows = [['category', t('editor.category'), entry.category || ''], ['tags', t('editor.tags'), (entry.tags || []).join(', ')],
    ['keywords', t('editor.keywords'), (entry.keywords || []).join(', ')]];
  for (const lang of LANGUAGES) {
    rows.push(['content.' + lang, t('editor.content') + ' · ' + t('lang.' + lang), (entry.content || {})[lang] || '', lang]);
    rows.push(['questions.' + lang, t('editor.questions') + ' · ' + t('lang.' + lang), ((entry.questions || {})[lang] || []).join('\n'), lang]);
  }
  return rows;
}

function fillForm(form, entry) {
  form.topic.value = entry.topic_id || '';
  form.category.value = entry.category || '';
  form.tags.value = (entry.tags || []).join(', ');
  form.keywords.value = (entry.keywords || []).join(', ');
  for (const lang of LANGUAGES) {
    form['content_' + lang].value = (entry.content || {})[lang] || '';
    form['questions_' + lang].value = ((entry.questions || {})[lang] || []).join('\n');
  }
}

export async function render({main, params, query, navigate, hasRole}) {
  const isNew = !params.topic;
  const canEdit = hasRole('editor');
  const fromGroup = query.get('group');
  let entry = emptyEntry();
  if (!isNew)
    entry = await api('GET', '/kb/' + encodeURIComponent(params.topic));
  else if (query.get('question')) {
    const lang = LANGUAGES.includes(query.get('lang')) ? query.get('lang') : 'en';
    entry.questions[lang] = [query.get('question')];
  }
  let revision = entry.revision;

  const errorsBox = h('div', {class: 'alert error', role: 'alert', hidden: true, id: 'editor-errors'});
  const conflictBox = h('section', {class: 'conflict', hidden: true, id: 'editor-conflict', 'aria-live': 'assertive'});
  const status = h('p', {class: 'status-line', 'aria-live': 'polite', id: 'editor-status'});
  const fieldErrors = {};
  const withError = ([wrapper, control], key) => {
    const err = h('small', {class: 'field-error', id: `err-${key}`, hidden: true});
    control.setAttribute('aria-errormessage', err.id);
    wrapper.append(err);
    fieldErrors[key] = [control, err];
    return wrapper;
  };

  const topic = h('input', {name: 'topic', required: true, readonly: !isNew, autocomplete: 'off', spellcheck: 'false'});
  const columns = LANGUAGES.map((lang) => h('fieldset', {class: 'lang-col', lang: LANG_TAGS[lang]},
    h('legend', {}, t('lang.' + lang)),
    withError(field(t('editor.content'), h('textarea', {name: 'content_' + lang, rows: 6, lang: LANG_TAGS[lang], readonly: !canEdit})), 'content_' + lang),
    withError(field(t('editor.questions'), h('textarea', {name: 'questions_' + lang, rows: 5, lang: LANG_TAGS[lang], readonly: !canEdit}),
      t('editor.questions_hint')), 'questions_' + lang)));

  const save = h('button', {type: 'submit', id: 'editor-save', disabled: !canEdit}, fromGroup ? t('editor.save_resolve') : t('editor.save'));
  const form = h('form', {class: 'editor', id: 'editor-form', novalidate: true},
    h('div', {class: 'meta-grid'},
      withError(field(t('editor.topic_id'), topic, isNew ? t('editor.topic_hint') : null), 'topic'),
      withError(field(t('editor.category'), h('input', {name: 'category', readonly: !canEdit})), 'category'),
      withError(field(t('editor.tags'), h('input', {name: 'tags', readonly: !canEdit}), t('editor.list_hint')), 'tags'),
      withError(field(t('editor.keywords'), h('input', {name: 'keywords', readonly: !canEdit}), t('editor.list_hint')), 'keywords')),
    h('div', {class: 'lang-grid'}, columns),
    errorsBox, conflictBox,
    h('div', {class: 'actions'}, save,
      !isNew && canEdit ? h('button', {type: 'button', class: 'danger', id: 'editor-delete', onclick: remove}, t('editor.delete')) : null,
      h('a', {class: 'button secondary', href: '#/kb'}, t('common.back'))),
    status);
  fillForm(form, entry);

  function showErrors(errors, message) {
    for (const [key, [control, err]] of Object.entries(fieldErrors)) {
      err.hidden = !errors[key];
      err.textContent = errors[key] || '';
      control.setAttribute('aria-invalid', errors[key] ? 'true' : 'false');
    }
    const messages = message ? [message] : Object.values(errors);
    errorsBox.hidden = messages.length === 0;
    mount(errorsBox, messages.length ? h('ul', {}, messages.map((m) => h('li', {}, m))) : null);
    if (messages.length)
      errorsBox.scrollIntoView({block: 'nearest'});
  }

  function showStatus(e) {
    mount(status, e.status ? h('span', {class: ['status', 'status-' + e.status]}, t('status.' + e.status)) : null,
      e.revision !== undefined ? ' ' + t('editor.revision', {revision: e.revision}) : '',
      e.updated_at ? ' · ' + t('editor.updated', {when: formatDateTime(e.updated_at), who: e.updated_by || '–'}) : '');
  }

  function showConflict(mine, current) {
    const theirs = new Map(flatten(current).map(([key, , text]) => [key, text]));
    const rows = flatten(mine).filter(([key, , text]) => theirs.get(key) !== text);
    mount(conflictBox,
      h('h2', {}, t('editor.conflict.title')),
      h('p', {}, t('editor.conflict.text', {who: current.updated_by || '–', when: formatDateTime(current.updated_at), revision: current.revision})),
      h('table', {class: 'diff'},
        h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, t('editor.conflict.field')), h('th', {scope: 'col'}, t('editor.conflict.mine')),
          h('th', {scope: 'col'}, t('editor.conflict.theirs')))),
        h('tbody', {}, rows.map(([key, label, text, lang]) => h('tr', {'data-field': key},
          h('th', {scope: 'row'}, label),
          h('td', {class: 'mine', lang: lang ? LANG_TAGS[lang] : null}, text),
          h('td', {class: 'theirs', lang: lang ? LANG_TAGS[lang] : null}, theirs.get(key) || ''))))),
      h('div', {class: 'actions'},
        h('button', {type: 'button', id: 'conflict-theirs', class: 'secondary', onclick: () => {
          fillForm(form, current);
          revision = current.revision;
          conflictBox.hidden = true;
          showStatus(current);
        }}, t('editor.conflict.take_theirs')),
        h('button', {type: 'button', id: 'conflict-mine', onclick: () => {
          revision = current.revision;
          conflictBox.hidden = true;
          form.requestSubmit();
        }}, t('editor.conflict.keep_mine'))));
    conflictBox.hidden = false;
    // the editor is long: bring the conflict to the reader (and to screen readers)
    const heading = conflictBox.querySelector('h2');
    heading.tabIndex = -1;
    heading.focus();
    conflictBox.scrollIntoView({block: 'start'});
  }

  async function remove() {
    if (!confirm(t('editor.delete_confirm', {topic: entry.topic_id})))
      return;
    try {
      await api('DELETE', '/kb/' + encodeURIComponent(entry.topic_id));
      navigate('kb');
    } catch (e) {
      showErrors({}, e.message);
    }
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const mine = collect(form);
    const errors = validate(mine, isNew);
    showErrors(errors);
    if (Object.keys(errors).length)
      return;
    save.disabled = true;
    status.querySelector('.saved')?.remove();
    try {
      let saved;
      if (fromGroup) {
        await api('POST', '/unanswered/' + encodeURIComponent(fromGroup) + '/resolve', {body: {action: 'new_entry', entry: mine},
          query: {from: query.get('from'), to: query.get('to'), tz: query.get('tz'), include_down: query.get('include_down')}});
        navigate('unanswered', {from: query.get('from'), to: query.get('to'), tz: query.get('tz'), include_down: query.get('include_down'), done: mine.topic_id});
        return;
      } else if (isNew) {
        saved = await api('POST', '/kb', {body: mine});
        navigate('kb/edit/' + encodeURIComponent(saved.topic_id), {saved: 1});
        return;
      } else {
        saved = await api('PUT', '/kb/' + encodeURIComponent(entry.topic_id), {body: {...mine, revision}});
      }
      entry = saved;
      revision = saved.revision;
      showStatus(saved);
      status.prepend(h('strong', {class: 'saved'}, t('editor.saved') + ' '));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.body && err.body.current) {
        showConflict(mine, err.body.current);
      } else if (err instanceof ApiError && err.status === 409) {
        showErrors({topic: t('editor.err.exists')});
      } else {
        // 400: {"error":{…},"fields":[{"field":"content.th","message"}]} names the fields
        const errors = {};
        for (const f of (err.body && err.body.fields) || []) {
          const key = f.field === 'topic_id' ? 'topic' : String(f.field || '').replace('.', '_');
          if (fieldErrors[key])
            errors[key] = f.message;
        }
        showErrors(errors, Object.keys(errors).length ? null : err.message);
      }
    } finally {
      save.disabled = !canEdit;
    }
  });

  mount(main,
    h('div', {class: 'page-head'},
      h('h1', {}, isNew ? t('editor.new_title') : t('editor.title', {topic: entry.topic_id})),
      !isNew ? h('div', {class: 'actions'}, h('a', {class: 'button secondary', href: '#/try?topic=' + encodeURIComponent(entry.topic_id)}, t('nav.try'))) : null),
    fromGroup ? h('p', {class: 'alert info'}, t('editor.from_unanswered')) : null,
    form);
  if (!isNew) {
    showStatus(entry);
    if (query.get('saved'))
      status.prepend(h('strong', {class: 'saved'}, t('editor.saved') + ' '));
  }
}
