// What the upstream does for one request, as its control routes read it (test/Grounded.Testing.Upstream/StepJson.cs).

/** A normal answer: `text`, or the echo `[small] echo: LAST USER MESSAGE` when omitted. */
export const ok = (text, delayMs) => ({ kind: 'ok', text, delayMs });

/** An HTTP error in the provider's shape: `{error: {message, type, code, param}}`, with Retry-After when given. */
export const fail = (status, { retryAfter, message, type, code, param } = {}) =>
  ({ kind: 'fail', status, retryAfter, message, type, code, param });

/** Never answers. */
export const hang = () => ({ kind: 'hang' });

/** 200 with a body that is not JSON. */
export const malformed = () => ({ kind: 'malformed' });

/** Streams `tokens` words, then drops the connection. */
export const cutStream = (tokens = 1) => ({ kind: 'cutStream', tokens });

/** Tool calls `[{name, arguments (a string, sent as is), id?}]`, each call's arguments streamed in `pieces` deltas. */
export const toolCalls = (calls, pieces = 3) => ({ kind: 'toolCalls', calls, pieces });
