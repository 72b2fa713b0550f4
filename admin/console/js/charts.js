// SPDX-License-Identifier: LGPL-2.1-or-later
// Small SVG charts: grouped vertical bars (per day, per hour) and horizontal bars (a ranking).
// Each chart is an <svg role="img"> named by its <title> and <desc>, every bar has a <title>
// with its value, and the same numbers are always offered as a table next to it.

import {h, s, uid} from './dom.js';
import {formatNumber, t} from './i18n.js';

const SERIES_CLASSES = ['series-0', 'series-1', 'series-2', 'series-3'];

// the top of the y axis: four equal steps of 1, 2 or 5 × 10^k (counts stay whole numbers)
function niceMax(max) {
  if (max <= 0)
    return 4;
  const raw = Math.max(1, max / 4);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const step of [1, 2, 5, 10]) {
    if (step * magnitude >= raw)
      return 4 * step * magnitude;
  }
  return 40 * magnitude;
}

function svgRoot(title, desc, width, height) {
  const titleId = uid('chart-title');
  const descId = uid('chart-desc');
  return s('svg', {
    class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-labelledby': `${titleId} ${descId}`, preserveAspectRatio: 'xMidYMid meet',
  }, s('title', {id: titleId}, title), s('desc', {id: descId}, desc));
}

function legend(series) {
  if (series.length < 2)
    return null;
  return h('ul', {class: 'legend', 'aria-hidden': 'true'},
    series.map((serie, i) => h('li', {}, h('span', {class: ['swatch', SERIES_CLASSES[i % 4]]}), serie.name)));
}

/** a table of the same numbers: first column @labels, one column per series */
export function dataTable(caption, labelHeader, labels, series) {
  return h('table', {class: 'data'},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, labelHeader),
      series.map((serie) => h('th', {scope: 'col', class: 'num'}, serie.name)))),
    h('tbody', {}, labels.map((label, row) => h('tr', {},
      h('th', {scope: 'row'}, label),
      series.map((serie) => h('td', {class: 'num', 'data-value': serie.values[row]},
        formatNumber(serie.values[row] ?? 0)))))));
}

function figure(title, chart, table, series) {
  return h('figure', {class: 'chart-figure'},
    h('figcaption', {}, title),
    chart,
    legend(series),
    h('details', {class: 'chart-table'}, h('summary', {}, t('chart.show_table')), table));
}

function describe(labels, series) {
  if (labels.length === 0)
    return t('chart.empty');
  const parts = series.map((serie) => {
    let maxIdx = 0;
    serie.values.forEach((v, i) => { if (v > serie.values[maxIdx]) maxIdx = i; });
    const total = serie.values.reduce((a, b) => a + b, 0);
    return t('chart.summary', {name: serie.name, total: formatNumber(total), max: formatNumber(serie.values[maxIdx] ?? 0),
      label: labels[maxIdx]});
  });
  return parts.join(' ');
}

/**
 * Grouped vertical bars: @labels along x, one bar per series and label.
 * {title, labels, series: [{name, values}], labelHeader, tickEvery, tickLabel}; @tickLabel
 * shortens a label under the axis (the table keeps the full one).
 */
export function barChart({title, labels, series, labelHeader, tickEvery, tickLabel}) {
  const width = 640;
  const height = 240;
  const pad = {top: 12, right: 8, bottom: 36, left: 44};
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = niceMax(Math.max(0, ...series.flatMap((serie) => serie.values)));
  const svg = svgRoot(title, describe(labels, series), width, height);
  const every = tickEvery || Math.max(1, Math.ceil(labels.length / 8));

  for (let i = 0; i <= 4; i++) {
    const y = pad.top + plotH - (plotH * i) / 4;
    svg.append(s('line', {class: 'grid', x1: pad.left, x2: width - pad.right, y1: y, y2: y}),
      s('text', {class: 'tick', x: pad.left - 6, y: y + 4, 'text-anchor': 'end'}, formatNumber((max * i) / 4)));
  }
  const slot = labels.length ? plotW / labels.length : plotW;
  const barW = Math.max(1, (slot * 0.8) / Math.max(1, series.length));
  labels.forEach((label, i) => {
    series.forEach((serie, j) => {
      const value = serie.values[i] ?? 0;
      const barH = (plotH * value) / max;
      svg.append(s('rect', {
        class: ['bar', SERIES_CLASSES[j % 4]],
        x: (pad.left + i * slot + slot * 0.1 + j * barW).toFixed(2), y: (pad.top + plotH - barH).toFixed(2),
        width: barW.toFixed(2), height: barH.toFixed(2),
      }, s('title', {}, `${label} · ${serie.name}: ${formatNumber(value)}`)));
    });
    if (i % every === 0) {
      svg.append(s('text', {class: 'tick', x: (pad.left + i * slot + slot / 2).toFixed(2), y: height - pad.bottom + 16,
        'text-anchor': 'middle'}, tickLabel ? tickLabel(label) : label));
    }
  });
  svg.append(s('line', {class: 'axis', x1: pad.left, x2: width - pad.right, y1: pad.top + plotH, y2: pad.top + plotH}));
  return figure(title, svg, dataTable(title, labelHeader, labels, series), series);
}

/** horizontal bars, one per label, longest first as given: {title, labels, values, labelHeader, valueName} */
export function rankChart({title, labels, values, labelHeader, valueName}) {
  const rowH = 24;
  const width = 640;
  const labelW = 200;
  const height = Math.max(1, labels.length) * rowH + 8;
  const max = Math.max(1, ...values);
  const series = [{name: valueName, values}];
  const svg = svgRoot(title, describe(labels, series), width, height);
  labels.forEach((label, i) => {
    const y = 4 + i * rowH;
    const w = ((width - labelW - 60) * values[i]) / max;
    svg.append(
      s('text', {class: 'label', x: labelW - 8, y: y + 16, 'text-anchor': 'end'}, label.length > 28 ? label.slice(0, 27) + '…' : label),
      s('rect', {class: ['bar', 'series-0'], x: labelW, y: y + 4, width: w.toFixed(2), height: rowH - 8},
        s('title', {}, `${label}: ${formatNumber(values[i])}`)),
      s('text', {class: 'value', x: labelW + w + 6, y: y + 16}, formatNumber(values[i])));
  });
  if (labels.length === 0)
    svg.append(s('text', {class: 'label', x: 8, y: 20}, t('chart.empty')));
  return figure(title, svg, dataTable(title, labelHeader, labels, series), series);
}
