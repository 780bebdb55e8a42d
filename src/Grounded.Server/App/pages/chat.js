// The chat page: a question streamed to POST /v1/ask, the answer with clickable [n] citations that open the cited passage,
// a visible abstention, a model picker, thumbs up/down (POST /v1/feedback). The conversation lives only on this page.
import { citedSentence, marked } from '../highlight.js';

const EXTRACTIVE = '';

export async function render(root, app) {
  const { h } = app;
  const log = h('ol', { class: 'chat-log', 'aria-label': 'Conversation' });
  const question = h('textarea', { id: 'question', name: 'question', rows: 3, disabled: true, placeholder: 'Ask about your documents…', 'aria-describedby': 'question-hint' });
  const model = h('select', { id: 'chat-model', name: 'model' }, h('option', { value: EXTRACTIVE }, 'Local (extractive)'));
  const ask = h('button', { type: 'submit', disabled: true }, 'Ask');
  const stop = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Stop');
  const error = h('p', { class: 'error chat-error', role: 'alert' });
  const form = h('form', { class: 'ask card' },
    h('label', { for: 'question' }, 'Question'), question,
    h('p', { id: 'question-hint', class: 'muted hint' }, 'Enter sends, Shift+Enter starts a new line.'),
    h('div', { class: 'row' }, h('div', {}, h('label', { for: 'chat-model' }, 'Model'), model), ask, stop),
    error);
  const dialog = passageDialog(h);
  root.append(h('h1', { id: 'chat-title' }, 'Chat'), log, form, dialog.node);

  let controller = null;
  const busy = on => { ask.disabled = on; stop.hidden = !on; question.disabled = false; };

  question.addEventListener('keydown', event => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) { event.preventDefault(); form.requestSubmit(); }
  });
  stop.addEventListener('click', () => controller?.abort());
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const text = question.value.trim();
    if (!text || controller) return;
    error.textContent = '';
    question.value = '';
    controller = new AbortController();
    busy(true);
    const turn = h('li', { class: 'turn' }, h('p', { class: 'asked' }, h('span', { class: 'visually-hidden' }, 'You asked: '), text));
    const reply = h('div', { class: 'reply', 'aria-live': 'polite', 'aria-busy': 'true' }, h('p', { class: 'streaming' }));
    turn.append(reply);
    log.append(turn);
    const body = { question: text, stream: true };
    if (model.value !== EXTRACTIVE) body.model = model.value;
    try {
      let answered = false;
      for await (const update of app.stream('/v1/ask', body, { signal: controller.signal })) {
        if (update.type === 'delta') reply.firstChild.append(update.text ?? '');
        else if (update.type === 'answer') { reply.replaceChildren(...renderAnswer(app, update.answer, text, dialog)); answered = true; }
        else if (update.type === 'error') { throw new Error(update.message || 'the model failed to answer'); }
      }
      if (!answered) throw new Error('the answer stream ended before the answer');
    } catch (failure) {
      const stopped = failure?.name === 'AbortError';
      reply.append(h('p', { class: stopped ? 'muted' : 'error' }, stopped ? 'Stopped.' : 'No answer.'));
      if (!stopped) error.textContent = describe(failure);
    } finally {
      reply.setAttribute('aria-busy', 'false');
      controller = null;
      busy(false);
      question.focus();
    }
  });

  try {
    const models = await app.api('/v1/models');
    for (const entry of models?.data ?? []) model.append(h('option', { value: entry.id }, entry.id));
  } catch (failure) {
    error.textContent = describe(failure);
  }
  question.disabled = false;
  ask.disabled = false;
  if (!performance.getEntriesByName('grounded:interactive').length) performance.mark('grounded:interactive');
  return { leave() { controller?.abort(); dialog.node.open && dialog.node.close(); } };
}

// One readable line for any failure: the server's problem detail, with what the status means.
function describe(failure) {
  const status = failure?.status;
  const prefix = status === 429 ? 'Too many requests, try again shortly: '
    : status === 503 ? 'The service is unavailable right now: '
    : status === 401 || status === 403 ? 'Not allowed: '
    : status ? `The server refused (${status}): ` : 'The answer failed: ';
  return prefix + (failure?.message || 'unknown error');
}

function renderAnswer(app, answer, asked, dialog) {
  const { h } = app;
  const nodes = [];
  if (answer.abstained) {
    const searched = answer.searchedFor && answer.searchedFor !== asked ? answer.searchedFor : asked;
    nodes.push(h('div', { class: 'abstained', role: 'note' },
      h('p', { class: 'abstained-title' }, 'The documents do not answer this.'),
      answer.answer ? h('p', {}, answer.answer) : null,
      h('p', { class: 'muted' }, 'Searched the documents for: ', h('q', {}, searched))));
  } else {
    const byNumber = new Map((answer.citations ?? []).map((c, i) => [c.n ?? i + 1, c]));
    const text = h('p', { class: 'answer' });
    for (const part of (answer.answer ?? '').split(/(\[\d+\])/)) {
      const n = /^\[(\d+)\]$/.exec(part)?.[1];
      const citation = n && byNumber.get(Number(n));
      if (!citation) { if (part) text.append(part); continue; }
      text.append(h('button', {
        type: 'button', class: 'cite', 'aria-haspopup': 'dialog',
        'aria-label': `Source ${n}: ${citation.source}`,
        onclick: event => dialog.open(citation, claimsCiting(answer, Number(n)), event.currentTarget),
      }, `[${n}]`));
    }
    nodes.push(text);
    if (byNumber.size) {
      nodes.push(h('p', { class: 'sources muted' }, 'Sources: ',
        [...byNumber].map(([n, c], i) => [i ? ', ' : '', `[${n}] ${c.source}`])));
    }
  }
  const meta = [answer.generator, answer.grounding && !answer.abstained ? `grounding ${Math.round(answer.grounding.confidence * 100)}%` : null].filter(Boolean);
  if (meta.length) nodes.push(h('p', { class: 'muted meta' }, meta.join(' · ')));
  nodes.push(feedback(app, answer.id));
  return nodes;
}

// The sentences of the answer that cite source n: the grounding's claims when present, else the answer's own sentences.
function claimsCiting(answer, n) {
  const claims = answer.grounding?.claims?.filter(c => c.sources?.includes(n)).map(c => c.text);
  if (claims?.length) return claims;
  return (answer.answer ?? '').split(/(?<=[.!?])\s+/).filter(s => s.includes(`[${n}]`)).map(s => s.replace(/\[\d+\]/g, ''));
}

let comments = 0; // each comment box its own id, even for answers without one

function feedback(app, id) {
  const { h } = app;
  const commentId = `comment-${++comments}`;
  const status = h('span', { class: 'muted', role: 'status' });
  const up = h('button', { type: 'button', class: 'secondary thumb', 'aria-pressed': 'false', 'aria-label': 'Helpful', disabled: !id }, '👍');
  const down = h('button', { type: 'button', class: 'secondary thumb', 'aria-pressed': 'false', 'aria-label': 'Not helpful', disabled: !id }, '👎');
  const comment = h('textarea', { id: commentId, rows: 2 });
  const commentForm = h('form', { class: 'comment', hidden: true },
    h('label', { for: commentId }, 'What was wrong? (optional)'), comment,
    h('button', { type: 'submit', class: 'secondary' }, 'Send comment'));
  const send = async (rating, text) => {
    try {
      await app.api('/v1/feedback', { method: 'POST', body: text ? { id, rating, comment: text } : { id, rating } });
      up.setAttribute('aria-pressed', String(rating === 'up'));
      down.setAttribute('aria-pressed', String(rating === 'down'));
      status.textContent = text ? 'Thanks, comment sent.' : 'Thanks for the feedback.';
      return true;
    } catch (failure) {
      status.textContent = `Feedback was not saved: ${failure.message}`;
      return false;
    }
  };
  up.addEventListener('click', async () => { if (await send('up')) commentForm.hidden = true; });
  down.addEventListener('click', async () => { if (await send('down')) { commentForm.hidden = false; comment.focus(); } });
  commentForm.addEventListener('submit', async event => {
    event.preventDefault();
    if (await send('down', comment.value.trim() || undefined)) commentForm.hidden = true;
  });
  return h('div', { class: 'feedback' },
    h('div', { role: 'group', 'aria-label': 'Was this answer helpful?', class: 'thumbs' }, up, down, status,
      id ? null : h('span', { class: 'muted' }, 'This answer has no id, so it cannot be rated.')),
    commentForm);
}

// A modal dialog with the cited passage, the cited sentence in <mark>; Escape closes it and focus returns to the citation.
function passageDialog(h) {
  const title = h('h2', { id: 'passage-title' });
  const passage = h('p', { class: 'passage' });
  const close = h('button', { type: 'button', class: 'secondary' }, 'Close');
  const node = h('dialog', { class: 'passage-dialog', 'aria-labelledby': 'passage-title' }, title, passage, close);
  let opener = null;
  close.addEventListener('click', () => node.close());
  node.addEventListener('close', () => { opener?.focus(); opener = null; });
  node.addEventListener('click', event => { if (event.target === node) node.close(); }); // a click on the backdrop
  return {
    node,
    open(citation, claims, from) {
      opener = from;
      title.textContent = `[${citation.n}] ${citation.source}`;
      const text = citation.text ?? '';
      const [start, end] = citedSentence(text, claims);
      passage.replaceChildren(...marked(h, text, end > start ? [[start, end]] : []));
      node.showModal();
      close.focus();
    },
  };
}
