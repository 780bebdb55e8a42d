// Raw HTTP helpers for what the SDK hides: the SSE lines themselves, and bodies the SDK would not send.

/** POSTs JSON (or a raw string) to the gateway and returns { status, headers, text, json }. */
export async function postRaw(g, path, body, headers = {}) {
  const response = await g.fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Splits an SSE body into its events: [{ event, data }] with data as the raw string. */
export function sseEvents(text) {
  return text.split(/\r?\n\r?\n/).filter((block) => block.trim()).map((block) => {
    const lines = block.split(/\r?\n/);
    const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim() ?? null;
    const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).replace(/^ /, '')).join('\n');
    return { event, data };
  });
}

/** Shortens a text for an assertion message. */
export const excerpt = (text, max = 600) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** Resolves with the error `promise` rejects with; fails the test, showing what came back, when it resolves. */
export async function failureOf(promise) {
  let result;
  try {
    result = await promise;
  } catch (error) {
    return error;
  }
  throw new Error(`expected an error, got a success: ${excerpt(JSON.stringify(result) ?? String(result))}`);
}
