// The documents page: upload (POST /v1/documents, multipart, with progress), the list (GET /v1/documents) with delete
// (writer role), and search (POST /v1/search) with the query's terms marked in each hit.
import { marked, termRanges } from '../highlight.js';
import { when } from '../dom.js';

export async function render(root, app) {
  const { h } = app;
  const writer = app.can('writer');
  root.append(h('h1', { id: 'documents-title' }, 'Documents'));
  const list = listSection(app, writer);
  if (writer) root.append(uploadSection(app, () => list.refresh()));
  else root.append(h('p', { class: 'muted card' }, `Your role (${app.me?.role ?? 'reader'}) can search and read documents; uploading and deleting need the writer role.`));
  root.append(searchSection(app), list.node);
  await list.refresh();
}

function uploadSection(app, refreshed) {
  const { h } = app;
  const files = h('input', { id: 'upload-files', name: 'file', type: 'file', multiple: true, required: true });
  const groups = h('input', { id: 'upload-groups', name: 'groups', type: 'text', placeholder: 'e.g. finance, legal', 'aria-describedby': 'upload-groups-hint' });
  const progress = h('progress', { max: 1, value: 0, 'aria-label': 'Upload progress', hidden: true });
  const status = h('p', { role: 'status', 'aria-live': 'polite', class: 'upload-status' });
  const results = h('ul', { class: 'upload-results', 'aria-label': 'Upload results' });
  const send = h('button', { type: 'submit' }, 'Upload');
  const form = h('form', { class: 'card upload', 'aria-labelledby': 'upload-title' },
    h('h2', { id: 'upload-title' }, 'Upload'),
    h('div', { class: 'row' },
      h('div', {}, h('label', { for: 'upload-files' }, 'Files'), files),
      h('div', {}, h('label', { for: 'upload-groups' }, 'Groups (optional)'), groups,
        h('span', { id: 'upload-groups-hint', class: 'muted hint' }, 'Comma-separated; empty: everyone in your tenant.')),
      send),
    progress, status, results);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!files.files.length) return;
    const data = new FormData();
    for (const file of files.files) data.append('file', file, file.name);
    if (groups.value.trim()) data.append('groups', groups.value.trim());
    send.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    status.className = 'upload-status';
    status.textContent = 'Uploading…';
    results.replaceChildren();
    try {
      const response = await app.upload('/v1/documents', data, fraction => {
        progress.value = fraction;
        status.textContent = fraction < 1 ? `Uploading… ${Math.round(fraction * 100)}%` : 'Ingesting…';
      });
      progress.value = 1;
      const documents = response?.documents ?? [];
      status.textContent = `Done: ${documents.length} file${documents.length === 1 ? '' : 's'}.`;
      results.replaceChildren(...documents.map(d => h('li', {}, h('strong', {}, d.source), ` — ${d.status}, ${d.chunks} chunk${d.chunks === 1 ? '' : 's'}`)));
      form.reset();
      await refreshed();
    } catch (failure) {
      status.className = 'upload-status error';
      status.textContent = `Upload failed: ${failure.message}`;
    } finally {
      send.disabled = false;
      progress.hidden = true;
    }
  });
  return form;
}

function listSection(app, writer) {
  const { h } = app;
  const body = h('tbody');
  const status = h('p', { role: 'status', class: 'muted' });
  const node = h('section', { class: 'card', 'aria-labelledby': 'list-title' },
    h('h2', { id: 'list-title' }, 'In the store'), status,
    h('div', { class: 'table' }, h('table', {},
      h('caption', { class: 'visually-hidden' }, 'Documents'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col', class: 'num' }, 'Chunks'),
        h('th', { scope: 'col' }, 'Added'), h('th', { scope: 'col' }, 'Groups'), writer ? h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')) : null)),
      body)));
  async function refresh() {
    try {
      const { data = [] } = await app.api('/v1/documents') ?? {};
      status.textContent = data.length ? `${data.length} document${data.length === 1 ? '' : 's'}.` : 'No documents yet.';
      body.replaceChildren(...data.map(d => h('tr', {},
        h('th', { scope: 'row' }, d.source),
        h('td', { class: 'num' }, d.chunks),
        h('td', {}, when(d.ingestedAt)),
        h('td', {}, d.groups?.length ? d.groups.join(', ') : h('span', { class: 'muted' }, 'everyone')),
        writer ? h('td', {}, h('button', { type: 'button', class: 'secondary', 'aria-label': `Delete ${d.source}`, onclick: () => remove(d) }, 'Delete')) : null)));
    } catch (failure) {
      status.textContent = `The list could not load: ${failure.message}`;
    }
  }
  async function remove(document) {
    if (!window.confirm(`Delete ${document.source}? Its chunks leave the store and answers stop citing it.`)) return;
    try {
      await app.api(`/v1/documents/${encodeURIComponent(document.id)}`, { method: 'DELETE' });
      app.toast(`Deleted ${document.source}.`);
      await refresh();
    } catch (failure) {
      status.textContent = `Delete failed: ${failure.message}`;
    }
  }
  return { node, refresh };
}

function searchSection(app) {
  const { h } = app;
  const query = h('input', { id: 'search-query', name: 'query', type: 'search', required: true });
  const hits = h('ol', { class: 'hits', 'aria-label': 'Search results' });
  const status = h('p', { role: 'status', 'aria-live': 'polite', class: 'muted' });
  const form = h('form', { class: 'card search', role: 'search', 'aria-labelledby': 'search-title' },
    h('h2', { id: 'search-title' }, 'Search'),
    h('div', { class: 'row' }, h('div', {}, h('label', { for: 'search-query' }, 'Search the documents'), query), h('button', { type: 'submit' }, 'Search')),
    status, hits);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const text = query.value.trim();
    if (!text) return;
    status.textContent = 'Searching…';
    try {
      const { results = [] } = await app.api('/v1/search', { method: 'POST', body: { query: text, k: 5 } }) ?? {};
      status.textContent = results.length ? `${results.length} passage${results.length === 1 ? '' : 's'} found.` : 'Nothing matched.';
      hits.replaceChildren(...results.map(r => h('li', { class: 'hit' },
        h('p', {}, h('strong', {}, r.source), h('span', { class: 'muted' }, ` · score ${Number(r.score).toFixed(3)}`)),
        h('p', { class: 'passage' }, marked(h, r.text, termRanges(r.text, text))))));
    } catch (failure) {
      status.textContent = `Search failed: ${failure.message}`;
      hits.replaceChildren();
    }
  });
  return form;
}
