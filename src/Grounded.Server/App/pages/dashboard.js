// The SLO dashboard: GET /v1/dashboard?since=… drawn as small charts over time buckets, the totals as big numbers, a
// table per model and the alert states (firing rules first). Refreshes every 30 seconds while shown.
import { num, usd, when } from '../dom.js';
import { timeChart } from './charts.js';

const ranges = [['1h', 'Last hour'], ['24h', 'Last 24 hours'], ['7d', 'Last 7 days'], ['30d', 'Last 30 days']];
const REFRESH_MS = 30_000;

const ms = v => `${num(v)} ms`;
const pct = v => `${num(v * 100, 1)}%`;
const plain = v => num(v, 2);

export async function render(root, app, params) {
  const { h, api } = app;
  let since = ranges.some(([v]) => v === params.get('since')) ? params.get('since') : '24h';
  let controller = null;
  let timer = null;

  const select = h('select', { id: 'dashboard-since' }, ranges.map(([value, label]) => h('option', { value, selected: value === since }, label)));
  const status = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite' });
  const alerts = h('section', { 'aria-labelledby': 'alerts-title' });
  const totals = h('section', { 'aria-labelledby': 'totals-title' });
  const charts = h('section', { 'aria-labelledby': 'charts-title' });
  const models = h('section', { 'aria-labelledby': 'models-title' });
  root.append(h('h1', { id: 'dashboard-title' }, 'Dashboard'),
    h('div', { class: 'row' }, h('div', {}, h('label', { for: 'dashboard-since' }, 'Range'), select)),
    status, alerts, totals, charts, models);

  select.addEventListener('change', () => {
    since = select.value;
    history.replaceState(null, '', `#/dashboard?since=${since}`); // no hashchange: the page stays, only the data reloads
    load();
  });

  function big(label, value, note) {
    return h('div', { class: 'stat' }, h('span', { class: 'stat-label' }, label), h('span', { class: 'stat-value' }, value), note ? h('span', { class: 'muted stat-note' }, note) : null);
  }

  // A refresh must not move a keyboard or screen-reader user: a section holding the focus waits for the next refresh,
  // open data tables stay open, and the firing banner is announced only when the set of firing rules changes.
  let lastFiring = '';
  const holdsFocus = section => section.contains(document.activeElement) && document.activeElement !== document.body;
  function keepOpen(section, redraw) {
    if (holdsFocus(section)) return;
    const open = [...section.querySelectorAll('details')].map(d => d.open);
    redraw();
    section.querySelectorAll('details').forEach((d, i) => { if (open[i]) d.open = true; });
  }

  function drawAlerts(list) {
    const firing = list.filter(a => a.state === 'firing');
    const firingKey = firing.map(a => a.rule).join(',');
    const announce = firingKey !== lastFiring;
    lastFiring = firingKey;
    const ordered = [...firing, ...list.filter(a => a.state !== 'firing')];
    alerts.replaceChildren(...[h('h2', { id: 'alerts-title' }, 'Alerts'),
      firing.length ? h('p', { class: 'alert-banner', role: announce ? 'alert' : null }, `${firing.length} firing: ${firing.map(a => a.rule).join(', ')}`) : null,
      ordered.length === 0 ? h('p', { class: 'muted' }, app.operator ? 'No alert rules have been evaluated yet (alerts: in the config).' : 'Alert states are shown to admins of the default tenant.') : h('ul', { class: 'alerts' }, ordered.map(a => h('li', { class: `alert-state state-${a.state}` },
        h('span', { class: `badge ${a.state === 'firing' ? 'error' : 'ok'}` }, a.state === 'firing' ? '⚠ firing' : '✓ ok'), ' ',
        h('strong', {}, a.rule), a.message ? ` — ${a.message}` : null,
        h('span', { class: 'muted' }, ` (value ${num(a.value, 3)}, threshold ${num(a.threshold, 3)}${a.since ? `, since ${when(a.since)}` : ''})`))))].filter(Boolean));
  }

  function draw(data) {
    const t = data.totals;
    drawAlerts(data.alerts ?? []);
    totals.replaceChildren(h('h2', { id: 'totals-title' }, 'Totals'), h('div', { class: 'stats' },
      big('Requests', num(t.requests)),
      big('Errors', num(t.errors), t.requests ? pct(t.errors / t.requests) : null),
      big('Latency p95', ms(t.p95Ms), `p50 ${ms(t.p50Ms)} · p99 ${ms(t.p99Ms)}`),
      big('Spend', usd(t.costUsd), `${num(t.inputTokens)} in · ${num(t.outputTokens)} out tokens`),
      big('Cache hits', num(t.cacheHits)),
      big('Guard triggers', num(t.guardTriggers)),
      big('Abstention rate', t.abstentionRate === null ? '–' : pct(t.abstentionRate), `${num(t.answers)} answers`),
      big('Grounding mean', t.groundingMean === null ? '–' : num(t.groundingMean, 2)),
      big('Feedback', `${num(t.feedbackUp)} up · ${num(t.feedbackDown)} down`)));

    const b = data.buckets ?? [];
    const times = b.map(x => new Date(x.start));
    const series = (label, key) => ({ label, values: b.map(x => x[key] ?? null) });
    keepOpen(charts, () => charts.replaceChildren(h('h2', { id: 'charts-title' }, `Over time (${num(data.bucketSeconds / 60)}-minute buckets)`), h('div', { class: 'charts' },
      timeChart({ title: 'Latency (ms)', times, format: num, series: [series('p50', 'p50Ms'), series('p95', 'p95Ms'), series('p99', 'p99Ms')] }),
      timeChart({ title: 'Requests and errors', times, kind: 'bar', format: num, series: [series('requests', 'requests'), series('errors', 'errors')] }),
      timeChart({ title: 'Spend (USD)', times, kind: 'bar', format: usd, series: [series('spend', 'costUsd')] }),
      timeChart({ title: 'Cache hits', times, kind: 'bar', format: num, series: [series('cache hits', 'cacheHits')] }),
      timeChart({ title: 'Guard triggers', times, kind: 'bar', format: num, series: [series('guard triggers', 'guardTriggers')] }),
      timeChart({ title: 'Quality', times, format: plain, series: [series('abstention rate', 'abstentionRate'), series('grounding mean', 'groundingMean')] }),
      timeChart({ title: 'Feedback', times, kind: 'bar', format: num, series: [series('up', 'feedbackUp'), series('down', 'feedbackDown')] }))));

    const rows = data.models ?? [];
    models.replaceChildren(h('h2', { id: 'models-title' }, 'By model'), rows.length === 0 ? h('p', { class: 'muted' }, 'No model requests in this range.') : h('div', { class: 'table' }, h('table', {},
      h('thead', {}, h('tr', {}, ['Model', 'Requests', 'Errors', 'Spend', 'p95'].map((c, i) => h('th', { scope: 'col', class: i ? 'num' : null }, c)))),
      h('tbody', {}, rows.map(m => h('tr', {}, h('th', { scope: 'row' }, m.model), h('td', { class: 'num' }, num(m.requests)), h('td', { class: 'num' }, num(m.errors)),
        h('td', { class: 'num' }, usd(m.costUsd)), h('td', { class: 'num' }, ms(m.p95Ms))))))));
  }

  async function load() {
    controller?.abort();
    controller = new AbortController();
    try {
      const data = await api(`/v1/dashboard?since=${encodeURIComponent(since)}`, { signal: controller.signal });
      draw(data);
      status.className = 'muted';
      status.textContent = `${when(data.since)} to ${when(data.until)} · refreshed ${new Date().toLocaleTimeString()} · refreshes every 30 seconds`;
    } catch (error) {
      if (error.name === 'AbortError') return;
      status.className = 'error';
      status.textContent = `Could not load the dashboard: ${error.message}`;
    }
  }

  await load();
  timer = setInterval(() => { if (!document.hidden) load(); }, REFRESH_MS);
  return { leave() { clearInterval(timer); controller?.abort(); } };
}
