// The prompts page: the registry's prompts (GET /v1/prompts); one prompt's versions, which is active in each environment and
// the score each was promoted with, its history, a diff of two versions; promote and rollback for admins of the default tenant.
import { num, when } from '../dom.js';

const score = v => (v === null || v === undefined ? '–' : num(v, 4));
const path = id => `/v1/prompts/${encodeURIComponent(id)}`;

export async function render(root, app, params) {
  const { h, api } = app;
  const id = params.get('id');
  root.append(h('h1', { id: 'prompts-title' }, id ? `Prompt ${id}` : 'Prompts'));
  const status = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite' }, 'Loading…');
  root.append(status);
  try {
    const listing = await api('/v1/prompts');
    status.textContent = '';
    if (!id) { list(root, app, listing); return; }
    const row = listing.data.find(r => r.id === id);
    if (!row) throw new Error(`no prompt '${id}' in the registry`);
    await detail(root, app, listing, row, params.get('env') || listing.environment);
  } catch (error) {
    status.className = 'error';
    status.textContent = `Could not load the prompts: ${error.message}`;
  }
}

function activeText(active) {
  const entries = Object.entries(active ?? {});
  return entries.length ? entries.map(([env, version]) => `${env}: ${version}`).join(', ') : 'none';
}

function list(root, { h }, listing) {
  root.append(h('p', { class: 'muted' }, `What is used is shown for the server's environment, ${listing.environment}.`),
    h('div', { class: 'table' }, h('table', {},
      h('thead', {}, h('tr', {}, ['Prompt', 'Versions', 'Active', `Used in ${listing.environment}`, 'Description'].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, listing.data.map(row => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: `#/prompts?id=${encodeURIComponent(row.id)}` }, row.id)),
        h('td', {}, row.versions.join(', ')), h('td', {}, activeText(row.active)),
        h('td', {}, `${row.used} (${row.why})`), h('td', {}, row.description)))))));
}

async function detail(root, app, listing, row, env) {
  const { h, api } = app;
  const [shown, history] = await Promise.all([api(`${path(row.id)}?env=${encodeURIComponent(env)}`), api(`${path(row.id)}/history?env=${encodeURIComponent(env)}`)]);
  // The score each version was last promoted with in this environment (history is newest first).
  const promoted = new Map();
  for (const entry of history.data) if (entry.action === 'promote' && !promoted.has(entry.version)) promoted.set(entry.version, entry);
  const environments = [...new Set([listing.environment, ...Object.keys(row.active ?? {}), env])];
  const envSelect = h('select', { id: 'prompt-env' }, environments.map(e => h('option', { value: e, selected: e === env }, e)));
  envSelect.addEventListener('change', () => app.go(`#/prompts?id=${encodeURIComponent(row.id)}&env=${encodeURIComponent(envSelect.value)}`));
  const reload = () => app.go(`#/prompts?id=${encodeURIComponent(row.id)}&env=${encodeURIComponent(env)}&t=${Date.now()}`);
  const active = shown.active;

  root.append(h('p', {}, h('a', { href: '#/prompts' }, '← All prompts')), h('p', {}, row.description),
    h('div', { class: 'row' }, h('div', {}, h('label', { for: 'prompt-env' }, 'Environment'), envSelect)),
    h('section', { class: 'card', 'aria-labelledby': 'prompt-active' },
      h('h2', { id: 'prompt-active' }, `Active in ${env}`),
      h('p', { id: 'prompt-active-version' }, active
        ? [h('strong', {}, active.version), ` since ${when(active.at)} by ${active.actor}${active.forced ? ' (forced)' : ''}`, active.metric ? ` · ${active.metric} ${score(active.score)}` : '']
        : `No version is active in ${env}: ${shown.reference} is used (${shown.why}).`),
      app.operator && active ? rollbackButton(app, row.id, env, active, reload) : null));

  root.append(h('h2', {}, 'Versions'), h('div', { class: 'table' }, h('table', {},
    h('thead', {}, h('tr', {}, ['Version', 'Active in', `Promoted in ${env} with`, ''].map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, [...row.versions].reverse().map(version => {
      const envs = Object.entries(row.active ?? {}).filter(([, v]) => v === version).map(([e]) => e);
      const p = promoted.get(version);
      const view = h('button', { type: 'button', class: 'link' }, 'View');
      const box = h('tr', { hidden: true }, h('td', { colspan: 4 }));
      view.addEventListener('click', async () => {
        if (box.hidden) box.firstChild.replaceChildren(showVersion(h, await api(`${path(`${row.id}@${version}`)}?env=${encodeURIComponent(env)}`)));
        box.hidden = !box.hidden;
        view.setAttribute('aria-expanded', String(!box.hidden));
      });
      view.setAttribute('aria-label', `View ${version}`);
      view.setAttribute('aria-expanded', 'false');
      return [h('tr', {}, h('th', { scope: 'row' }, version, version === row.used ? h('span', { class: 'muted' }, ' (used)') : null),
        h('td', {}, envs.length ? envs.map(e => h('span', { class: 'badge ok' }, `✓ ${e}`)) : '–'),
        h('td', {}, p ? `${p.metric ?? 'unscored'} ${p.metric ? score(p.score) : ''}${p.forced ? ' (forced)' : ''}` : 'never promoted'),
        h('td', {}, view)), box];
    })))));

  if (app.operator) root.append(promoteForm(app, row, env, reload));
  root.append(diffForm(app, row), historyTable(h, history.data, env));
}

function showVersion(h, v) {
  return h('dl', { class: 'drill' },
    h('dt', {}, 'Author'), h('dd', {}, v.author || '–'),
    h('dt', {}, 'Model'), h('dd', {}, v.model ?? 'the configured default'),
    h('dt', {}, 'Variables'), h('dd', {}, v.variables?.join(', ') || '–'),
    h('dt', {}, 'System'), h('dd', {}, h('pre', {}, v.template?.system ?? '')),
    h('dt', {}, 'User'), h('dd', {}, h('pre', {}, v.template?.user ?? '')),
    h('dt', {}, 'Evaluation'), h('dd', {}, v.evaluation ? `${v.evaluation.metric} on ${v.evaluation.dataset ?? '–'}` : 'none (promotion needs force)'));
}

// Rollback asks first: it switches what every server using this store answers with on its next request.
function rollbackButton(app, id, env, active, reload) {
  const { h, api, toast } = app;
  const button = h('button', { type: 'button', class: 'secondary' }, `Roll back ${env}`);
  const message = h('p', { role: 'status', 'aria-live': 'polite' });
  const yes = h('button', { type: 'button' }, 'Roll back');
  const no = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
  const dialog = h('dialog', { 'aria-labelledby': 'rollback-title', 'aria-describedby': 'rollback-text' },
    h('h2', { id: 'rollback-title' }, `Roll back ${id} in ${env}?`),
    h('p', { id: 'rollback-text' }, `${active.version} stops being active in ${env}; the version active before its promotion (${active.previous ?? 'none recorded'}) becomes active again on the next request of every server using this store.`),
    h('div', { class: 'row' }, yes, no));
  button.addEventListener('click', () => dialog.showModal());
  no.addEventListener('click', () => dialog.close());
  yes.addEventListener('click', async () => {
    dialog.close();
    button.disabled = true;
    try {
      const done = await api(`${path(id)}/rollback`, { method: 'POST', body: { env } });
      toast(`Rolled back ${id} in ${env}: ${done.previous} → ${done.version}`);
      reload();
    } catch (error) {
      message.className = 'error';
      message.textContent = `Not rolled back: ${error.message}`;
      button.disabled = false;
    }
  });
  return h('div', {}, button, message, dialog);
}

function promoteForm(app, row, env, reload) {
  const { h, api, ApiError, toast } = app;
  const version = h('select', { id: 'promote-version' }, [...row.versions].reverse().map(v => h('option', { value: v }, v)));
  const force = h('input', { id: 'promote-force', type: 'checkbox', 'aria-describedby': 'promote-force-help' });
  const result = h('div', { role: 'status', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit' }, 'Promote');
  const form = h('form', { class: 'card', 'aria-labelledby': 'promote-title' },
    h('h2', { id: 'promote-title' }, `Promote a version in ${env}`),
    h('p', { class: 'muted' }, 'The candidate and the active version are both scored on the candidate\'s evaluation data set; the candidate is promoted only if its score is not below the active one\'s minus the tolerance. Scoring calls the model.'),
    h('div', {}, h('label', { for: 'promote-version' }, 'Version'), version),
    h('div', { class: 'check' }, force, h('label', { for: 'promote-force' }, 'Force')),
    h('p', { id: 'promote-force-help', class: 'muted' }, 'Force promotes even when the score is lower, the version has no evaluation data set, or no model can score it. It is recorded as forced in the history and the audit log.'),
    submit, result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    submit.disabled = true;
    result.className = 'muted';
    result.replaceChildren(h('p', {}, 'Scoring and promoting…'));
    try {
      const outcome = await api(`${path(row.id)}/promote`, { method: 'POST', body: { version: version.value, env, force: force.checked } });
      result.className = 'ok';
      result.replaceChildren(h('div', {}, h('p', {}, `${outcome.status === 'unchanged' ? 'Unchanged' : 'Promoted'} ${outcome.candidate} in ${outcome.environment}${outcome.forced ? ' (forced)' : ''}: ${outcome.reason}`), scores(h, outcome)));
      if (outcome.status !== 'unchanged') { toast(`Promoted ${outcome.candidate}`); setTimeout(reload, 1500); }
    } catch (error) {
      const refused = error instanceof ApiError && error.status === 422;
      const p = error.problem ?? {};
      const outcome = p.outcome ?? p;
      result.className = 'error';
      result.replaceChildren(h('div', {}, h('p', { role: 'alert' }, refused ? `Not promoted: ${error.message}` : `Could not promote: ${error.message}`), refused ? scores(h, outcome) : null));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

// Both scores of a promotion (problem+json extensions of a refusal, or the outcome of a success), when something was scored.
function scores(h, o) {
  const metric = o.metric;
  const candidate = o.candidate_score ?? o.candidateScore;
  const current = o.current_score ?? o.currentScore;
  if (!metric && candidate === undefined && current === undefined) return null;
  return h('dl', { class: 'scores' },
    h('dt', {}, `Candidate ${o.candidate ?? ''}`), h('dd', {}, `${metric ?? ''} ${score(candidate)}`),
    h('dt', {}, `Active ${o.current ?? 'none'}`), h('dd', {}, `${metric ?? ''} ${score(current)}`),
    o.tolerance !== undefined && o.tolerance !== null ? [h('dt', {}, 'Tolerance'), h('dd', {}, score(o.tolerance))] : null);
}

function diffForm(app, row) {
  const { h, api } = app;
  const versions = row.versions;
  const from = h('select', { id: 'diff-from' }, versions.map((v, i) => h('option', { value: v, selected: i === versions.length - 2 }, v)));
  const to = h('select', { id: 'diff-to' }, versions.map((v, i) => h('option', { value: v, selected: i === versions.length - 1 }, v)));
  const out = h('div', { 'aria-live': 'polite' });
  const form = h('form', { 'aria-labelledby': 'diff-title' }, h('h2', { id: 'diff-title' }, 'Compare versions'),
    h('div', { class: 'row' }, h('div', {}, h('label', { for: 'diff-from' }, 'From'), from), h('div', {}, h('label', { for: 'diff-to' }, 'To'), to),
      h('button', { type: 'submit', class: 'secondary' }, 'Show diff')), out);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const diff = await api(`${path(row.id)}/diff?from=${encodeURIComponent(from.value)}&to=${encodeURIComponent(to.value)}`);
      out.replaceChildren(h('p', { class: 'muted' }, `${diff.from} → ${diff.to}: lines marked + were added, − removed.`),
        diff.fields.length === 0 ? h('p', {}, 'The two versions have the same fields.') : h('div', {}, diff.fields.map(f => h('section', { class: 'diff' },
          h('h3', {}, f.field),
          h('ol', { class: 'diff-lines' }, f.lines.map(line => {
            const kind = line[0] === '+' ? 'add' : line[0] === '-' ? 'del' : 'same';
            return h('li', { class: `diff-${kind}` },
              h('span', { class: 'diff-mark', 'aria-hidden': 'true' }, kind === 'add' ? '+' : kind === 'del' ? '−' : ' '),
              kind === 'same' ? null : h('span', { class: 'visually-hidden' }, kind === 'add' ? 'added: ' : 'removed: '),
              h('span', {}, line.slice(1)));
          }))))));
    } catch (error) {
      out.replaceChildren(h('p', { class: 'error', role: 'alert' }, `Could not compare: ${error.message}`));
    }
  });
  return form;
}

function historyTable(h, entries, env) {
  return h('section', { 'aria-labelledby': 'history-title' }, h('h2', { id: 'history-title' }, `History in ${env}`),
    entries.length === 0 ? h('p', { class: 'muted' }, `Never promoted in ${env}.`) : h('div', { class: 'table' }, h('table', {},
      h('thead', {}, h('tr', {}, ['When', 'Action', 'From → to', 'Score', 'Who', 'From where'].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, entries.map(e => h('tr', {}, h('td', {}, when(e.at)), h('td', {}, e.action, e.forced ? h('span', { class: 'warn' }, ' (forced)') : null),
        h('td', {}, `${e.previous ?? 'none'} → ${e.version}`),
        h('td', {}, e.metric ? `${e.metric} ${score(e.score)} (was ${score(e.previous_score)})` : '–'),
        h('td', {}, e.actor), h('td', {}, e.origin)))))));
}
