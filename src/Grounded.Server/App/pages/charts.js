// Small SVG charts built with DOM APIs (no chart library, nothing parsed as markup). Every chart is a <figure> whose
// drawing is labelled for screen readers and followed by the same numbers as a table: colour is never the only key.
import { h } from '../dom.js';

const SVG = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function table(caption, head, rows) {
  return h('details', { class: 'chart-data' },
    h('summary', {}, `${caption}: data table`),
    h('div', { class: 'table' }, h('table', {},
      h('thead', {}, h('tr', {}, head.map((cell, i) => h('th', { scope: 'col', class: i ? 'num' : null }, cell)))),
      h('tbody', {}, rows.map(row => h('tr', {}, row.map((cell, i) => i ? h('td', { class: 'num' }, cell) : h('th', { scope: 'row' }, cell))))))));
}

function legend(series) {
  return h('ul', { class: 'legend' }, series.map((item, i) => h('li', {}, h('span', { class: `key series-${i}`, 'aria-hidden': 'true' }, item.mark ?? ''), item.label)));
}

/**
 * Horizontal bars, one group per row: rows = [{ label, values: [number|null, ...] }], series = [{ label }] (e.g. run and
 * baseline), values between 0 and `max`. `format` writes a value for the labels and the table.
 */
export function barChart({ title, rows, series, max = 1, format = v => String(v) }) {
  const bar = 14, gap = 4, labelWidth = 150, width = 480, plot = width - labelWidth - 60;
  const groupHeight = series.length * (bar + gap) + 8;
  const height = Math.max(groupHeight * rows.length, 20);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': `${title}: ${rows.map(r => `${r.label} ${series.map((k, i) => `${k.label} ${r.values[i] === null || r.values[i] === undefined ? 'none' : format(r.values[i])}`).join(', ')}`).join('; ')}` });
  rows.forEach((row, r) => {
    const top = r * groupHeight;
    svg.append(s('text', { x: 0, y: top + bar, class: 'chart-label' }, row.label.length > 22 ? row.label.slice(0, 21) + '…' : row.label));
    row.values.forEach((value, i) => {
      const y = top + i * (bar + gap);
      const w = value === null || value === undefined ? 0 : Math.max(1, Math.min(1, value / max) * plot);
      svg.append(s('rect', { x: labelWidth, y, width: w, height: bar, class: `series-${i}` }),
        s('text', { x: labelWidth + w + 4, y: y + bar - 3, class: 'chart-value' }, value === null || value === undefined ? '–' : format(value)));
    });
  });
  return h('figure', { class: 'chart-figure' }, h('figcaption', {}, title), series.length > 1 ? legend(series) : null, svg,
    table(title, ['', ...series.map(k => k.label)], rows.map(r => [r.label, ...r.values.map(v => v === null || v === undefined ? '–' : format(v))])));
}

/**
 * A time chart over buckets: times = [Date, ...], series = [{ label, values: [number|null, ...] }]; `kind` 'line' or
 * 'bar'. Nulls are gaps. `format` writes a value for the axis and the table.
 */
export function timeChart({ title, times, series, kind = 'line', format = v => String(v) }) {
  const width = 360, height = 140, left = 44, bottom = 18, top = 8, plotW = width - left - 6, plotH = height - top - bottom;
  const all = series.flatMap(k => k.values).filter(v => v !== null && v !== undefined);
  const max = Math.max(...all, 0) || 1;
  const n = Math.max(times.length, 1);
  const x = i => left + (n === 1 ? plotW / 2 : (i * plotW) / (n - 1));
  const y = v => top + plotH - (v / max) * plotH;
  const summary = series.map(k => {
    const values = k.values.filter(v => v !== null && v !== undefined);
    return values.length ? `${k.label} from ${format(Math.min(...values))} to ${format(Math.max(...values))}, last ${format(values[values.length - 1])}` : `${k.label}: no data`;
  }).join('; ');
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': `${title}: ${summary}` },
    s('line', { x1: left, x2: width - 6, y1: top + plotH, y2: top + plotH, class: 'axis' }),
    s('line', { x1: left, x2: left, y1: top, y2: top + plotH, class: 'axis' }),
    s('text', { x: left - 4, y: top + 10, class: 'chart-value', 'text-anchor': 'end' }, format(max)),
    s('text', { x: left - 4, y: top + plotH, class: 'chart-value', 'text-anchor': 'end' }, '0'));
  if (times.length) {
    svg.append(s('text', { x: left, y: height - 4, class: 'chart-value' }, clock(times[0])),
      s('text', { x: width - 6, y: height - 4, class: 'chart-value', 'text-anchor': 'end' }, clock(times[times.length - 1])));
  }
  series.forEach((k, i) => {
    if (kind === 'bar') {
      const slot = plotW / n, w = Math.max(1, (slot - 2) / series.length);
      k.values.forEach((v, j) => {
        if (v === null || v === undefined) return;
        svg.append(s('rect', { x: left + j * slot + 1 + i * w, y: y(v), width: w, height: top + plotH - y(v), class: `series-${i}` }));
      });
    } else {
      let d = '';
      k.values.forEach((v, j) => { if (v !== null && v !== undefined) d += `${d && k.values[j - 1] !== null && k.values[j - 1] !== undefined ? 'L' : 'M'}${x(j).toFixed(1)},${y(v).toFixed(1)}`; });
      if (d) svg.append(s('path', { d, class: `line series-${i}` }));
      if (times.length === 1 && k.values[0] !== null && k.values[0] !== undefined) svg.append(s('circle', { cx: x(0), cy: y(k.values[0]), r: 3, class: `series-${i}` }));
    }
  });
  return h('figure', { class: 'chart-figure' }, h('figcaption', {}, title), legend(series), svg,
    table(title, ['time', ...series.map(k => k.label)], times.map((t, j) => [clock(t), ...series.map(k => k.values[j] === null || k.values[j] === undefined ? '–' : format(k.values[j]))])));
}

function clock(date) {
  return date.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
