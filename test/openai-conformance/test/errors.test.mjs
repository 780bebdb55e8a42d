// Errors of every kind, as the SDK classifies them: the gateway's own checks (no upstream call), provider errors
// mapped to the client, and upstream failures.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { test } from 'node:test';
import OpenAI from 'openai';
import { limits } from '../lib/config.mjs';
import { useGateway } from '../lib/harness.mjs';
import * as steps from '../lib/steps.mjs';
import { excerpt, failureOf, postRaw } from '../lib/wire.mjs';

const g = useGateway();
const hello = (model = 'small') => ({ model, messages: [{ role: 'user', content: 'hello' }] });

/** Asserts an OpenAI-shaped error: the SDK class, the status, and message and type in the body. */
function assertError(error, Class, status) {
  assert.ok(error instanceof Class, `expected ${Class.name}, got ${error?.constructor?.name} ${error?.status}: ${error?.message}`);
  assert.equal(error.status, status);
  assert.equal(typeof error.error?.message, 'string', `error body: ${JSON.stringify(error.error)}`);
  assert.equal(typeof error.error?.type, 'string', `error body: ${JSON.stringify(error.error)}`);
}

/** .NET type names that leak from a deserializer's exception message. */
const dotnetTypeNames = /System\.|Int32|Int64|Nullable|JsonElement|JsonException|String\[\]/;

async function assertNoUpstreamCall() {
  assert.deepEqual(await g.upstream.requests(), [], 'the upstream was called');
}

// --- the gateway's own checks

test('an unknown model is a 404 NotFoundError (model_not_found) with no upstream call', async () => {
  const error = await failureOf(g.client().chat.completions.create(hello('gpt-nope')));

  assertError(error, OpenAI.NotFoundError, 404);
  assert.match(error.error.message, /gpt-nope/);
  assert.equal(error.code, 'model_not_found');
  await assertNoUpstreamCall();
});

test('a temperature out of range is a 400 BadRequestError naming param temperature, with no upstream call', async () => {
  const error = await failureOf(g.client().chat.completions.create({ ...hello(), temperature: 3 }));

  assertError(error, OpenAI.BadRequestError, 400);
  assert.equal(error.param, 'temperature');
  await assertNoUpstreamCall();
});

test('a body that is not JSON is a 400 in OpenAI\'s error shape', async () => {
  const { status, json, text } = await postRaw(g, '/v1/chat/completions', '{"model": "small", "messages": [');

  assert.equal(status, 400, text);
  assert.equal(typeof json?.error?.message, 'string', `body: ${excerpt(text)}`);
  assert.equal(json.error.type, 'invalid_request_error');
  assert.doesNotMatch(json.error.message, dotnetTypeNames, `message: ${json.error.message}`);
  await assertNoUpstreamCall();
});

for (const [field, value] of [['max_tokens', 'ten'], ['messages', 'hello'], ['temperature', 'warm'], ['stream', 'yes']]) {
  test(`${field}: ${JSON.stringify(value)} (the wrong type) is a 400 whose message names the field and no .NET type`, async () => {
    const { status, json, text } = await postRaw(g, '/v1/chat/completions', { ...hello(), [field]: value });

    assert.equal(status, 400, text);
    const message = json?.error?.message ?? '';
    assert.doesNotMatch(message, dotnetTypeNames, `message: ${message}`);
    assert.ok(message.includes(field) || json?.error?.param === field, `the field is not named: ${excerpt(text)}`);
    await assertNoUpstreamCall();
  });
}

test('a prompt beyond the context window is a 400 with code context_length_exceeded and no upstream call', async () => {
  const long = 'word '.repeat(limits.tinyContextWindow * 2);
  const error = await failureOf(g.client().chat.completions.create({ model: 'tiny', messages: [{ role: 'user', content: long }] }));

  assertError(error, OpenAI.BadRequestError, 400);
  assert.equal(error.code, 'context_length_exceeded');
  await assertNoUpstreamCall();
});

test('an unknown route under /v1 is a 404 in OpenAI\'s error shape', async () => {
  const { status, json, text, headers } = await postRaw(g, '/v1/nope', hello());

  assert.equal(status, 404);
  assert.match(headers.get('content-type') ?? '', /json/, `content-type: ${headers.get('content-type')}, body: ${excerpt(text)}`);
  assert.equal(typeof json?.error?.message, 'string', `body: ${excerpt(text)}`);
  assert.equal(typeof json.error.type, 'string');
});

// --- provider errors, mapped to the client

const providerError = { message: 'Invalid value for \'reasoning\': expected an object', type: 'invalid_request_error', code: 'invalid_value', param: 'reasoning' };

test('a provider 400 is a 400 with the provider\'s message, code and param, and says which provider', async () => {
  await g.upstream.script(steps.fail(400, providerError));

  const error = await failureOf(g.client().chat.completions.create(hello()));

  assertError(error, OpenAI.BadRequestError, 400);
  assert.ok(error.error.message.includes(providerError.message), `message: ${error.error.message}`);
  assert.equal(error.error.provider, 'openai', `error body: ${JSON.stringify(error.error)}`);
  assert.equal(error.code, 'invalid_value');
  assert.equal(error.param, 'reasoning');
});

test('a provider 404 is a 404 with the provider\'s message and says which provider', async () => {
  const message = 'The model `gpt-4o-mini` does not exist or you do not have access to it.';
  await g.upstream.script(steps.fail(404, { message, type: 'invalid_request_error', code: 'model_not_found' }));

  const error = await failureOf(g.client().chat.completions.create(hello()));

  assertError(error, OpenAI.NotFoundError, 404);
  assert.ok(error.error.message.includes(message), `message: ${error.error.message}`);
  assert.equal(error.error.provider, 'openai', `error body: ${JSON.stringify(error.error)}`);
});

test('a provider 422 is a 422 with the provider\'s message and says which provider', async () => {
  const message = 'messages[0].content: unsupported value';
  await g.upstream.script(steps.fail(422, { message }));

  const error = await failureOf(g.client().chat.completions.create(hello()));

  assertError(error, OpenAI.UnprocessableEntityError, 422);
  assert.ok(error.error.message.includes(message), `message: ${error.error.message}`);
  assert.equal(error.error.provider, 'openai', `error body: ${JSON.stringify(error.error)}`);
});

test('an Anthropic 400 is a 400 with Anthropic\'s message and says provider anthropic', async () => {
  const message = 'max_tokens: must be at most 8192';
  await g.upstream.script(steps.fail(400, { message, type: 'invalid_request_error' }));

  const error = await failureOf(g.client().chat.completions.create(hello('claude')));

  assertError(error, OpenAI.BadRequestError, 400);
  assert.ok(error.error.message.includes(message), `message: ${error.error.message}`);
  assert.equal(error.error.provider, 'anthropic', `error body: ${JSON.stringify(error.error)}`);
});

test('a provider 429 on every model of the fallback chain is a 429 RateLimitError with a retry-after header', async () => {
  await g.upstream.script(
    steps.fail(429, { message: 'Rate limit reached for requests', type: 'requests', retryAfter: '7' }),
    steps.fail(429, { message: 'Rate limit reached for requests', type: 'requests', retryAfter: '7' }),
  );

  const error = await failureOf(g.client().chat.completions.create(hello('primary')));

  assertError(error, OpenAI.RateLimitError, 429);
  const retryAfter = typeof error.headers?.get === 'function' ? error.headers.get('retry-after') : error.headers?.['retry-after'];
  assert.match(retryAfter ?? '', /^\d+$/, `retry-after: ${retryAfter}`);
  assert.equal((await g.upstream.requests()).length, 2, 'primary, then its fallback');
});

test('the SDK\'s own retry honours the gateway\'s 429 retry-after and then succeeds', async () => {
  await g.upstream.script(steps.fail(429, { message: 'Rate limit reached', type: 'requests', retryAfter: '1' }));
  const started = Date.now();

  const completion = await g.client({ maxRetries: 1 }).chat.completions.create(hello());

  assert.equal(completion.choices[0].message.content, '[small] echo: hello');
  assert.equal((await g.upstream.requests()).length, 2);
  // Without retry-after the SDK would wait its own 0.5 to 1 s backoff; 1 s or more shows the header was honoured.
  assert.ok(Date.now() - started >= 950, `the SDK retried after ${Date.now() - started} ms`);
});

test('a provider 500 is a 502 whose message contains the provider\'s message', async () => {
  const message = 'The server had an error while processing your request.';
  await g.upstream.script(steps.fail(500, { message, type: 'server_error' }));

  const error = await failureOf(g.client().chat.completions.create(hello()));

  assertError(error, OpenAI.InternalServerError, 502);
  assert.ok(error.error.message.includes(message), `message: ${error.error.message}`);
});

// --- upstream failures

test('an upstream answering 200 with a body that is not JSON is a 502', async () => {
  await g.upstream.script(steps.malformed());

  const error = await failureOf(g.client().chat.completions.create(hello()));

  assertError(error, OpenAI.InternalServerError, 502);
});

test('an upstream that never answers is a 5xx once the attempt timeout passes', async () => {
  await g.upstream.script(steps.hang());
  const started = Date.now();

  const error = await failureOf(g.client({ timeout: 30_000 }).chat.completions.create(hello()));

  assert.ok(error instanceof OpenAI.APIError && error.status >= 500, `got ${error?.constructor?.name} ${error?.status}`);
  assert.ok(Date.now() - started < limits.attemptTimeoutMs + 5000, `took ${Date.now() - started} ms`);
});

// --- body too large: last in the file. The server closes the connection after a 413 (the body stays unread), and says
// so (checked below); even so, about one run in six the next request of this process went out on that connection and
// failed with APIConnectionError (Node's fetch pool), so nothing follows these tests.

test('a 413 answer says Connection: close, as the server closes the connection with the body unread', async () => {
  const url = new URL('/v1/chat/completions', g.url);
  const length = limits.maxRequestBodyBytes * 2;
  const response = await new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': length },
    }, resolve);
    req.on('error', reject);
    req.write('{"model": "small", "messages": [{"role": "user", "content": "'); // the rest never comes: the length alone is too large
  });
  response.resume();
  response.destroy();

  assert.equal(response.statusCode, 413);
  assert.equal(response.headers.connection, 'close',
    `headers: ${JSON.stringify(response.headers)} (without it, keep-alive clients such as the SDK reuse a connection the server closes)`);
});

test('a body larger than server.maxRequestBodyBytes is a 413 with no upstream call', async () => {
  const big = 'lorem ipsum '.repeat(Math.ceil(limits.maxRequestBodyBytes / 10));
  const error = await failureOf(g.client().chat.completions.create({ model: 'small', messages: [{ role: 'user', content: big }] }));

  assertError(error, OpenAI.APIError, 413);
  await assertNoUpstreamCall();
});

