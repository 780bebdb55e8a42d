// The approvals page: agent runs waiting for a person (a tool call that needs approval, or an answer held for its low
// grounding), with Approve / Reject for writers, each run's steps, and the tenant's recent runs.
import { num, usd, when } from '../dom.js';

const statusClass = { completed: 'ok', failed: 'error', waiting_approval: 'warn', running: 'muted' };

export async function render(root, app, params) {
  const { h, api, ApiError } = app;
  const status = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite' });
  const waiting = h('div', { class: 'runs' });
  const recent = h('div', { class: 'table' });
  const detail = h('div');
  const refresh = h('button', { type: 'button', class: 'secondary' }, 'Refresh');
  root.append(h('h1', { id: 'approvals-title' }, 'Approvals'),
    h('p', { class: 'muted' }, app.can('writer')
      ? 'Agent runs stop here when a tool call needs approval or an answer is held. Approving runs the call (or releases the answer) and the run goes on; rejecting ends it.'
      : 'Agent runs waiting for approval. Your key is a reader: a writer or admin key approves or rejects them.'),
    h('div', { class: 'row' }, refresh), status, detail,
    h('h2', {}, 'Waiting for approval'), waiting,
    h('h2', {}, 'Recent runs'), recent);
  refresh.addEventListener('click', () => load());

  function steps(run) {
    if (!run.steps?.length) return h('p', { class: 'muted' }, 'No steps yet.');
    return h('ol', { class: 'steps' }, run.steps.map(step => h('li', {},
      h('strong', {}, step.kind), ' ',
      step.tool ? h('code', {}, step.tool) : null,
      step.arguments !== undefined && step.arguments !== null ? [' ', h('code', {}, JSON.stringify(step.arguments))] : null,
      step.calls?.length ? ` asked for ${step.calls.join(', ')}` : null,
      step.decision ? ` ${step.decision}${step.actor ? ' by ' + step.actor : ''}` : null,
      step.result !== undefined ? [' → ', h('code', {}, step.result)] : null,
      step.error ? h('span', { class: 'error' }, ` error: ${step.error}`) : null,
      step.text ? h('div', { class: 'step-text' }, step.text) : null,
      h('span', { class: 'muted' }, ` · ${num(step.ms)} ms · ${usd(step.usd)}`))));
  }

  function pending(run) {
    const p = run.pending;
    if (!p) return null;
    if (p.kind === 'tool_call') {
      return h('div', { class: 'pending' },
        h('p', {}, 'Wants to call ', h('code', {}, p.tool ?? '?'), ' with:'),
        h('pre', {}, JSON.stringify(p.arguments ?? {}, null, 2)),
        h('p', { class: 'muted' }, p.reason));
    }
    return h('div', { class: 'pending' },
      h('p', {}, `Holds this answer (grounding confidence ${num(p.confidence, 2)}):`),
      h('blockquote', {}, p.answer ?? ''),
      h('p', { class: 'muted' }, p.reason));
  }

  function outcome(run) {
    return h('p', {}, h('span', { class: `badge ${statusClass[run.status] ?? ''}` }, run.status.replace('_', ' ')),
      run.exitReason && run.exitReason !== run.status ? ` (${run.exitReason})` : null,
      run.answer ? [' · ', h('span', { class: 'answer' }, run.answer)] : null,
      run.error ? h('span', { class: 'error' }, ` · ${run.error}`) : null);
  }

  function card(run) {
    const message = h('p', { role: 'status', 'aria-live': 'polite' });
    const box = h('article', { class: 'card run', 'aria-labelledby': `run-${run.runId}` },
      h('h3', { id: `run-${run.runId}` }, `${run.agent}: ${run.task}`),
      h('p', { class: 'muted' }, `Run ${run.runId} · started ${when(run.createdAt)} · ${usd(run.costUsd)}`),
      pending(run));
    if (app.can('writer')) {
      const approve = h('button', { type: 'button' }, 'Approve');
      const reject = h('button', { type: 'button', class: 'secondary' }, 'Reject');
      const decide = async verb => {
        approve.disabled = reject.disabled = true;
        message.className = 'muted';
        message.textContent = verb === 'approve' ? 'Approving: the run goes on…' : 'Rejecting…';
        try {
          const after = await api(`/v1/agent-runs/${encodeURIComponent(run.runId)}/${verb}`, { method: 'POST' });
          message.className = 'ok';
          message.textContent = verb === 'approve' ? 'Approved.' : 'Rejected.';
          box.querySelector('.pending')?.remove();
          buttons.replaceWith(outcome(after));
          stepsBox.replaceChildren(h('summary', {}, 'Steps'), steps(after));
          loadRecent();
        } catch (error) {
          message.className = 'error';
          message.textContent = error instanceof ApiError && error.status === 409
            ? `Someone else already decided this run (${error.message}). Refresh to see where it stands.`
            : `Could not ${verb}: ${error.message}`;
          if (!(error instanceof ApiError && error.status === 409)) approve.disabled = reject.disabled = false;
        }
      };
      approve.addEventListener('click', () => decide('approve'));
      reject.addEventListener('click', () => decide('reject'));
      const buttons = h('div', { class: 'row' }, approve, reject);
      box.append(buttons);
    }
    const stepsBox = h('details', {}, h('summary', {}, 'Steps'), steps(run));
    box.append(message, stepsBox);
    return box;
  }

  async function loadRecent() {
    const { data } = await api('/v1/agent-runs?limit=20');
    recent.replaceChildren(data.length === 0 ? h('p', { class: 'muted' }, 'No runs yet.') : h('table', {},
      h('thead', {}, h('tr', {}, ['Run', 'Agent', 'Task', 'Status', 'Updated', 'Cost'].map((c, i) => h('th', { scope: 'col', class: i === 5 ? 'num' : null }, c)))),
      h('tbody', {}, data.map(run => h('tr', {},
        h('td', {}, h('a', { href: `#/approvals?run=${encodeURIComponent(run.runId)}` }, run.runId)),
        h('td', {}, run.agent), h('td', {}, run.task),
        h('td', {}, h('span', { class: `badge ${statusClass[run.status] ?? ''}` }, run.status.replace('_', ' ')), run.exitReason && run.exitReason !== run.status ? ` (${run.exitReason})` : null),
        h('td', {}, when(run.updatedAt)), h('td', { class: 'num' }, usd(run.costUsd)))))));
  }

  async function load() {
    status.className = 'muted';
    status.textContent = 'Loading…';
    try {
      const { data } = await api('/v1/agent-runs?status=waiting_approval&limit=100');
      waiting.replaceChildren(...(data.length ? data.map(card) : [h('p', { class: 'muted' }, 'Nothing is waiting for approval.')]));
      await loadRecent();
      const id = params.get('run');
      if (id) {
        const run = await api(`/v1/agent-runs/${encodeURIComponent(id)}`);
        detail.replaceChildren(h('article', { class: 'card run' }, h('h2', {}, `Run ${run.runId}: ${run.agent}`), h('p', {}, run.task), outcome(run), pending(run), steps(run)));
      }
      status.textContent = `${data.length} waiting.`;
    } catch (error) {
      status.className = 'error';
      status.textContent = `Could not load the runs: ${error.message}`;
    }
  }

  await load();
}
