// The app's only way to the server: the same /v1 routes as any client, with the API key the user signed in with.
// The key lives in sessionStorage: it is gone when the tab closes and never reaches another origin.
const KEY = 'grounded.key';

export const session = {
  get key() { return sessionStorage.getItem(KEY) ?? ''; },
  set key(value) { value ? sessionStorage.setItem(KEY, value) : sessionStorage.removeItem(KEY); },
  me: null,
};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.error?.message || problem?.title || `request failed (${status})`);
    this.status = status;
    this.problem = problem;
  }
}

function headers(json) {
  const result = {};
  if (session.key) result.Authorization = `Bearer ${session.key}`;
  if (json) result['Content-Type'] = 'application/json';
  return result;
}

async function failure(response) {
  if (response.status === 401) window.dispatchEvent(new CustomEvent('grounded:unauthorized'));
  let problem = null;
  try { problem = await response.json(); } catch { /* not JSON */ }
  return new ApiError(response.status, problem);
}

export async function api(path, { method = 'GET', body, form, signal } = {}) {
  const json = body !== undefined && !form;
  const response = await fetch(path, { method, headers: headers(json), body: form ?? (json ? JSON.stringify(body) : undefined), signal });
  if (!response.ok) throw await failure(response);
  if (response.status === 204) return null;
  const type = response.headers.get('content-type') ?? '';
  return type.includes('json') ? response.json() : response.text();
}

// POSTs `body` and yields each server-sent event's JSON until [DONE].
export async function* stream(path, body, { signal } = {}) {
  const response = await fetch(path, { method: 'POST', headers: { ...headers(true), Accept: 'text/event-stream' }, body: JSON.stringify(body), signal });
  if (!response.ok) throw await failure(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = event.split('\n').filter(line => line.startsWith('data:')).map(line => line.slice(5).trimStart()).join('\n');
      if (!data) continue;
      if (data === '[DONE]') return;
      yield JSON.parse(data);
    }
  }
  if (buffer.trim()) throw new ApiError(0, { detail: 'the answer stream ended early' });
}

// Uploads a form with progress (fetch cannot report upload progress): onProgress gets a fraction from 0 to 1.
export function upload(path, form, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    if (session.key) request.setRequestHeader('Authorization', `Bearer ${session.key}`);
    request.upload.onprogress = e => e.lengthComputable && onProgress?.(e.loaded / e.total);
    request.upload.onload = () => onProgress?.(1); // the body is sent: the server is ingesting it now
    request.onload = () => {
      let parsed = null;
      try { parsed = JSON.parse(request.responseText); } catch { /* not JSON */ }
      if (request.status >= 200 && request.status < 300) resolve(parsed);
      else {
        if (request.status === 401) window.dispatchEvent(new CustomEvent('grounded:unauthorized'));
        reject(new ApiError(request.status, parsed));
      }
    };
    request.onerror = () => reject(new ApiError(0, { detail: 'the upload could not reach the server' }));
    request.send(form);
  });
}
