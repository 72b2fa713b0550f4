// SPDX-License-Identifier: LGPL-2.1-or-later
// The unanswered inbox: questions the bot could not answer (and, on request, answers rated
// thumbs-down), grouped by similarity. From a group, two clicks make a new KB entry
// (editor prefilled, then Save) or add the questions to an existing entry (Add to…, then Add).

import {api} from '../api.js';
import {field, h, mount} from '../dom.js';
import {LANG_TAGS, formatDateTime, formatNumber, t} from '../i18n.js';

export async function render({main, query, navigate, hasRole}) {
  // the server resolves an absent range in the business's time zone (see analytics.js)
  const range = {include_down: query.get('include_down') || ''};
  for (const key of ['from', 'to', 'days', 'tz']) {
    if (query.get(key))
      range[key] = query.get(key);
  }
  const canEdit = hasRole('editor');
  const [fromField, from] = field(t('range.from'), h('input', {type: 'date', id: 'un-from', value: range.from || ''}));
  const [toField, to] = field(t('range.to'), h('input', {type: 'date', id: 'un-to', value: range.to || ''}));
  const down = h('input', {type: 'checkbox', id: 'un-down', checked: range.include_down === '1'});
  const list = h('section', {class: 'groups', 'aria-live': 'polite', id: 'un-groups'}, h('p', {class: 'muted'}, t('common.loading')));
  const notice = query.get('done') ? h('p', {class: 'alert info', id: 'un-done'}, t('unanswered.done', {topic: query.get('done')})) : null;

  mount(main,
    h('div', {class: 'page-head'}, h('h1', {}, t('unanswered.title'))),
    h('p', {class: 'muted'}, t('unanswered.hint')),
    notice,
    h('form', {class: 'filters', onsubmit: (e) => {
      e.preventDefault();
      navigate('unanswered', {tz: range.tz, from: from.value, to: to.value, include_down: down.checked ? '1' : ''});
    }}, fromField, toField, h('div', {class: 'field check'}, down, h('label', {for: 'un-down'}, t('unanswered.include_down'))),
    h('button', {type: 'submit', class: 'secondary'}, t('common.apply'))),
    list);

  const res = await api('GET', '/unanswered', {query: range});
  // from here on the range is the one the server chose, so resolving acts on the same groups
  range.from = from.value = res.from || '';
  range.to = to.value = res.to || '';
  delete range.days;
  const groups = res.groups || [];
  const resolve = (group, body) => api('POST', `/unanswered/${encodeURIComponent(group.id)}/resolve`, {body, query: range});

  function groupCard(group) {
    const lang = LANG_TAGS[group.language] || null;
    const actions = h('div', {class: 'actions'});
    const status = h('p', {class: 'status-line', 'aria-live': 'polite'});
    const card = h('article', {class: 'group card', 'data-group': group.id},
      h('header', {},
        h('span', {class: 'count', title: t('unanswered.count_title')}, formatNumber(group.count)),
        h('h2', {lang}, group.representative),
        h('span', {class: 'badge'}, group.language || '?')),
      h('p', {class: 'muted'}, t('unanswered.last_seen', {when: formatDateTime(group.last_seen)})),
      group.examples && group.examples.length > 1 ? h('details', {}, h('summary', {}, t('unanswered.examples', {n: group.examples.length})),
        h('ul', {}, group.examples.map((ex) => h('li', {lang}, ex)))) : null,
      canEdit ? actions : null, status);

    const openAdd = async () => {
      const topicInput = h('input', {class: 'add-topic', list: 'un-topics-' + group.id, 'aria-label': t('unanswered.topic'),
        placeholder: t('unanswered.topic')});
      const suggestions = h('datalist', {id: 'un-topics-' + group.id});
      const confirmAdd = h('button', {type: 'submit', class: 'confirm-add'}, t('unanswered.add'));
      mount(actions, h('form', {class: 'inline', onsubmit: async (e) => {
        e.preventDefault();
        if (!topicInput.value)
          return;
        confirmAdd.disabled = true;
        try {
          await resolve(group, {action: 'add_example', topic_id: topicInput.value.trim()});
          mount(status, t('unanswered.added', {topic: topicInput.value}));
          card.classList.add('resolved');
          actions.replaceChildren();
        } catch (err) {
          mount(status, t('error.generic', {message: err.message}));
          confirmAdd.disabled = false;
        }
      }}, topicInput, suggestions, confirmAdd,
      h('button', {type: 'button', class: 'secondary', onclick: () => mount(actions, ...buttons())}, t('common.cancel'))));
      topicInput.focus();
      let typed = false;
      topicInput.addEventListener('input', () => { typed = true; }, {once: true});
      // the draft KB's best guesses, best first; never over what the user typed meanwhile
      try {
        const tr = await api('POST', '/kb/try', {body: {message: group.representative}});
        const hits = tr.hits || [];
        mount(suggestions, hits.map((hit) => h('option', {value: hit.topic_id})));
        if (hits.length && !typed && !topicInput.value)
          topicInput.value = hits[0].topic_id;
      } catch (e) {
        // suggestions are a help only
      }
      topicInput.dataset.suggested = 'true';
    };
    const buttons = () => [
      h('button', {type: 'button', class: 'new-entry', onclick: () => navigate('kb/new', {group: group.id, question: group.representative,
        lang: group.language, from: range.from, to: range.to, tz: range.tz, include_down: range.include_down})}, t('unanswered.new_entry')),
      h('button', {type: 'button', class: 'secondary add-example', onclick: openAdd}, t('unanswered.add_to')),
      h('button', {type: 'button', class: 'link dismiss', onclick: async () => {
        try {
          await resolve(group, {action: 'dismiss'});
          card.remove();
        } catch (err) {
          mount(status, t('error.generic', {message: err.message}));
        }
      }}, t('unanswered.dismiss'))];
    mount(actions, ...buttons());
    return card;
  }

  mount(list, groups.length === 0 ? h('p', {class: 'empty'}, t('unanswered.none')) : groups.map(groupCard));
}
