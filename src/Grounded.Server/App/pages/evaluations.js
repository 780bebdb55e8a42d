// The evaluations page: the runs `grounded eval run` saved (GET /v1/evaluations), and one run's report
// (GET /v1/evaluations/{id}): a bar chart per metric, the comparison with its baseline, and every item with its scores.
import { num, when } from '../dom.js';
import { barChart } from './charts.js';

const score = v => (v === null || v === undefined ? '–' : num(v, 3));

function gateBadge(h, gate) {
  if (gate === 'passed') return h('span', { class: 'badge ok' }, '✓ passed');
  if (gate === 'failed') return h('span', { class: 'badge error' }, '✗ failed');
  return h('span', { class: 'muted' }, 'no gate');
}

export async function render(root, app, params) {
  const { h, api } = app;
  const id = params.get('id');
  root.append(h('h1', { id: 'evaluations-title' }, id ? 'Evaluation run' : 'Evaluations'));
  const status = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite' }, 'Loading…');
  root.append(status);
  try {
    if (id) {
      await detail(root, app, await api(`/v1/evaluations/${encodeURIComponent(id)}`));
    } else {
      list(root, app, (await api('/v1/evaluations')).data ?? []);
    }
    status.textContent = '';
  } catch (error) {
    status.className = 'error';
    status.textContent = `Could not load the evaluations: ${error.message}`;
  }
}

function list(root, { h }, runs) {
  if (runs.length === 0) {
    root.append(h('p', { class: 'muted' }, 'No runs yet: ', h('code', {}, 'grounded eval run DATASET'), ' saves each run here.'));
    return;
  }
  const names = [...new Set(runs.flatMap(r => Object.keys(r.metrics ?? {})))];
  root.append(h('div', { class: 'table' }, h('table', {},
    h('caption', { class: 'muted' }, 'Runs, newest first'),
    h('thead', {}, h('tr', {}, ['When', 'Dataset', 'Prompt', 'Model', ...names, 'Gate'].map((c, i) => h('th', { scope: 'col', class: i >= 4 && i < 4 + names.length ? 'num' : null }, c)))),
    h('tbody', {}, runs.map(run => h('tr', {},
      h('td', {}, h('a', { href: `#/evaluations?id=${encodeURIComponent(run.id)}` }, when(run.at))),
      h('td', {}, run.dataset ?? '–'), h('td', {}, run.prompt ?? '–'), h('td', {}, run.model ?? '–'),
      names.map(n => h('td', { class: 'num' }, score(run.metrics?.[n]))),
      h('td', {}, gateBadge(h, run.gate))))))));
}

async function detail(root, { h }, run) {
  const report = run.report ?? {};
  const metrics = report.metrics ?? {};
  const names = Object.keys(metrics);
  const counts = report.counts ?? {};
  root.append(h('p', {}, h('a', { href: '#/evaluations' }, '← All runs')),
    h('p', {}, `${when(run.at)} · dataset ${run.dataset ?? '–'} · answerer ${run.model ?? report.model ?? '–'}${run.prompt ? ` · prompt ${run.prompt}` : ''} · `, gateBadge(h, run.gate)),
    h('p', { class: 'muted' }, `${num(counts.items)} items (${num(counts.answerable)} answerable, ${num(counts.unanswerable)} unanswerable, abstained on ${num(counts.abstained)}) · ${num(report.elapsedSeconds, 1)} s`));

  // The baseline the gate compared with (a run given --baseline); without one there is nothing to compare.
  const baseline = report.gate?.baseline ?? null;
  const failures = report.gate?.failures ?? [];
  const rows = names.map(n => ({ label: n, values: baseline ? [metrics[n], baseline[n] ?? null] : [metrics[n]] }));
  root.append(h('h2', {}, 'Metrics'),
    barChart({ title: baseline ? 'Metrics of this run and its baseline' : 'Metrics (means over the items each applies to)', rows, series: baseline ? [{ label: 'this run' }, { label: 'baseline', mark: '▨' }] : [{ label: 'mean' }], format: score }));
  const ci = report.confidence ?? {};
  if (Object.values(ci).some(Boolean)) {
    root.append(h('p', { class: 'muted' }, '95% intervals: ', names.map((n, i) => `${i ? '; ' : ''}${n} ${ci[n] ? `${score(ci[n][0])}–${score(ci[n][1])}` : '–'}`).join('')));
  }
  if (baseline || failures.length) {
    root.append(h('section', { 'aria-labelledby': 'baseline-title' }, h('h2', { id: 'baseline-title' }, 'Against the baseline'), baseline ? h('div', { class: 'table' }, h('table', {},
      h('thead', {}, h('tr', {}, ['Metric', 'This run', 'Baseline', 'Change'].map((c, i) => h('th', { scope: 'col', class: i ? 'num' : null }, c)))),
      h('tbody', {}, names.map(n => {
        const delta = metrics[n] !== null && metrics[n] !== undefined && baseline[n] !== null && baseline[n] !== undefined ? metrics[n] - baseline[n] : null;
        const failed = failures.some(f => f.metric === n);
        return h('tr', { class: failed ? 'failing' : null }, h('th', { scope: 'row' }, n, failed ? h('span', { class: 'error' }, ' ✗ regression') : null),
          h('td', { class: 'num' }, score(metrics[n])), h('td', { class: 'num' }, score(baseline[n])),
          h('td', { class: 'num' }, delta === null ? '–' : `${delta >= 0 ? '+' : '−'}${num(Math.abs(delta), 3)}`));
      })))) : null,
    failures.length ? h('ul', { class: 'error' }, failures.map(f => h('li', {}, f.value === null || f.value === undefined
      ? `${f.metric}: in the baseline (${score(f.baseline)}) but not measured in this run`
      : `${f.metric} ${score(f.value)} is below the baseline ${score(f.baseline)} − ${num(f.tolerance, 3)}`)))
      : h('p', { class: 'ok' }, `✓ No metric fell below its baseline${report.gate?.tolerance !== undefined && report.gate?.tolerance !== null ? ` by more than ${num(report.gate.tolerance, 3)}` : ''}.`)));
  }
  items(root, h, report.items ?? [], names);
}

function items(root, h, all, names) {
  const threshold = h('input', { id: 'eval-threshold', type: 'number', min: 0, max: 1, step: 0.05, value: 0.5 });
  const failingOnly = h('input', { id: 'eval-failing', type: 'checkbox' });
  const count = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite' });
  const body = h('tbody');
  root.append(h('h2', {}, 'Items'),
    h('div', { class: 'row' },
      h('div', {}, h('label', { for: 'eval-threshold' }, 'An item fails when a score is below'), threshold),
      h('div', { class: 'check' }, failingOnly, h('label', { for: 'eval-failing' }, 'Show failing items only'))),
    count,
    h('div', { class: 'table' }, h('table', { class: 'items' },
      h('thead', {}, h('tr', {}, ['Item', 'Question', 'Answer', ...names, ''].map((c, i) => h('th', { scope: 'col', class: i >= 3 && i < 3 + names.length ? 'num' : null }, c)))),
      body)));

  const failing = item => {
    const limit = Number(threshold.value);
    return Object.values(item.metrics ?? {}).some(v => v !== null && v !== undefined && v < limit);
  };

  function draw() {
    const shown = failingOnly.checked ? all.filter(failing) : all;
    count.textContent = `${shown.length} of ${all.length} items shown; ${all.filter(failing).length} failing.`;
    body.replaceChildren(...shown.flatMap(item => {
      const open = h('button', { type: 'button', class: 'link', 'aria-expanded': 'false' }, 'Details');
      const more = h('tr', { class: 'item-detail', hidden: true }, h('td', { colspan: names.length + 4 }, drill(h, item)));
      open.addEventListener('click', () => {
        more.hidden = !more.hidden;
        open.setAttribute('aria-expanded', String(!more.hidden));
      });
      const bad = failing(item);
      return [h('tr', { class: bad ? 'failing' : null },
        h('th', { scope: 'row' }, item.id, bad ? h('span', { class: 'error' }, ' ✗ failing') : null),
        h('td', {}, item.question),
        h('td', {}, item.abstained ? h('em', {}, 'abstained ') : null, item.answer),
        names.map(n => h('td', { class: 'num' }, score(item.metrics?.[n]))),
        h('td', {}, open)), more];
    }));
  }

  threshold.addEventListener('input', draw);
  failingOnly.addEventListener('change', draw);
  draw();
}

function drill(h, item) {
  return h('dl', { class: 'drill' },
    h('dt', {}, 'Question'), h('dd', {}, item.question),
    h('dt', {}, 'Expected'), h('dd', {}, item.expected?.length ? h('ul', {}, item.expected.map(e => h('li', {}, e))) : h('em', {}, 'unanswerable: the answerer should abstain')),
    h('dt', {}, 'Answer'), h('dd', {}, item.abstained ? h('em', {}, 'abstained: ') : null, item.answer),
    h('dt', {}, 'Citations'), h('dd', {}, item.citations?.length ? item.citations.map((c, i) => `[${i + 1}] ${c}`).join(' · ') : '–'),
    h('dt', {}, 'Expected sources'), h('dd', {}, item.sources?.length ? item.sources.join(', ') : '–'),
    item.tags?.length ? [h('dt', {}, 'Tags'), h('dd', {}, item.tags.join(', '))] : null,
    h('dt', {}, 'Scores'), h('dd', {}, Object.entries(item.metrics ?? {}).map(([n, v]) => `${n} ${score(v)}`).join(' · ')),
    item.judge ? [h('dt', {}, 'Judge'), h('dd', {}, `${score(item.judge.mean)}${item.judge.reason ? ` — ${item.judge.reason}` : ''}`)] : null);
}
