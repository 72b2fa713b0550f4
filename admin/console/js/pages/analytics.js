// SPDX-License-Identifier: LGPL-2.1-or-later
// Analytics for a date range: figures from the store, drawn as SVG charts with the same
// numbers as tables, and a CSV export of the same query.

import {api, apiUrl} from '../api.js';
import {barChart, rankChart} from '../charts.js';
import {field, h, mount} from '../dom.js';
import {formatNumber, formatPercent, languageName, t} from '../i18n.js';

function stat(id, label, value, sub) {
  return h('div', {class: 'stat', id: 'stat-' + id}, h('span', {class: 'stat-label'}, label),
    h('span', {class: 'stat-value', 'data-value': typeof value === 'number' ? value : null}, typeof value === 'number' ? formatNumber(value) : value),
    sub ? h('span', {class: 'stat-sub'}, sub) : null);
}

export async function render({main, query, navigate}) {
  // No default dates from the browser: "today" is the business's day (the server's time zone),
  // not the browser's. The server resolves an absent range; the form shows what it chose.
  const range = {};
  for (const key of ['from', 'to', 'days', 'tz']) {
    if (query.get(key))
      range[key] = query.get(key);
  }
  const [fromField, from] = field(t('range.from'), h('input', {type: 'date', id: 'an-from', value: range.from || ''}));
  const [toField, to] = field(t('range.to'), h('input', {type: 'date', id: 'an-to', value: range.to || ''}));
  const quick = [7, 30, 90].map((days) => h('button', {type: 'button', class: 'secondary', onclick: () =>
    navigate('analytics', {tz: range.tz, days})}, t('range.last_days', {n: days})));
  const csv = h('a', {class: 'button secondary', id: 'an-csv', href: apiUrl('/analytics.csv', range), download: ''}, t('analytics.csv'));
  const body = h('div', {class: 'analytics', 'aria-live': 'polite', 'aria-busy': 'true'}, h('p', {class: 'muted'}, t('common.loading')));

  mount(main,
    h('div', {class: 'page-head'}, h('h1', {}, t('analytics.title')), h('div', {class: 'actions'}, csv)),
    h('form', {class: 'filters', onsubmit: (e) => {
      e.preventDefault();
      navigate('analytics', {tz: range.tz, from: from.value, to: to.value});
    }}, fromField, toField, h('button', {type: 'submit'}, t('common.apply')), h('div', {class: 'quick'}, quick)),
    body);

  const a = await api('GET', '/analytics', {query: range});
  from.value = a.from || '';
  to.value = a.to || '';
  csv.href = apiUrl('/analytics.csv', {from: a.from, to: a.to, tz: a.timezone});
  const days = a.per_day || [];
  const totalConv = days.reduce((sum, d) => sum + d.conversations, 0);
  const totalMsg = days.reduce((sum, d) => sum + d.messages, 0);
  const o = a.outcomes || {answered: 0, clarify: 0, unanswered: 0};
  const outcomesTotal = o.answered + o.clarify + o.unanswered;
  const fb = a.feedback || {up: 0, down: 0};
  const langs = Object.entries(a.languages || {}).sort((x, y) => y[1] - x[1]);
  const pii = Object.entries(a.pii || {}).sort((x, y) => y[1] - x[1]);
  const hours = a.busiest_hours || Array(24).fill(0);
  const ms = (v) => (v === null || v === undefined ? '–' : t('analytics.ms', {n: formatNumber(v, {maximumFractionDigits: 1})}));

  mount(body,
    h('p', {class: 'muted', id: 'an-tz'}, t('analytics.timezone', {tz: a.timezone || range.tz || '–'})),
    h('div', {class: 'stats'},
      stat('conversations', t('analytics.conversations'), totalConv),
      stat('messages', t('analytics.messages'), totalMsg),
      stat('answered', t('outcome.answered'), formatPercent(o.answered, outcomesTotal), formatNumber(o.answered)),
      stat('clarify', t('outcome.clarify'), formatPercent(o.clarify, outcomesTotal), formatNumber(o.clarify)),
      stat('unanswered', t('outcome.unanswered'), formatPercent(o.unanswered, outcomesTotal), formatNumber(o.unanswered)),
      stat('feedback', t('analytics.feedback'), formatPercent(fb.up, fb.up + fb.down),
        t('analytics.feedback_sub', {up: formatNumber(fb.up), down: formatNumber(fb.down)})),
      stat('p50', t('analytics.p50'), ms(a.response_ms && a.response_ms.p50)),
      stat('p95', t('analytics.p95'), ms(a.response_ms && a.response_ms.p95))),
    h('div', {class: 'charts'},
      barChart({title: t('analytics.per_day'), labelHeader: t('analytics.date'), labels: days.map((d) => d.date),
        tickLabel: (date) => date.slice(5),
        series: [{name: t('analytics.conversations'), values: days.map((d) => d.conversations)},
          {name: t('analytics.messages'), values: days.map((d) => d.messages)}]}),
      barChart({title: t('analytics.hours'), labelHeader: t('analytics.hour'), tickEvery: 3,
        labels: hours.map((_, i) => String(i).padStart(2, '0') + ':00'), series: [{name: t('analytics.messages'), values: hours}]}),
      rankChart({title: t('analytics.languages'), labelHeader: t('analytics.language'), valueName: t('analytics.messages'),
        labels: langs.map(([lang]) => languageName(lang)), values: langs.map(([, n]) => n)}),
      rankChart({title: t('analytics.top_topics'), labelHeader: t('analytics.topic'), valueName: t('analytics.messages'),
        labels: (a.top_topics || []).map((x) => x.topic_id), values: (a.top_topics || []).map((x) => x.count)}),
      rankChart({title: t('analytics.pii'), labelHeader: t('analytics.pii_type'), valueName: t('analytics.redactions'),
        labels: pii.map(([type]) => type), values: pii.map(([, n]) => n)})));
  body.setAttribute('aria-busy', 'false');
}
