// Chat completions and models, as the official SDK sees them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import OpenAI from 'openai';
import { useGateway } from '../lib/harness.mjs';
import { failureOf } from '../lib/wire.mjs';

const g = useGateway();
const hello = { model: 'small', messages: [{ role: 'user', content: 'hello' }] };

test('a chat completion has the content, id, object, created, model and usage', async () => {
  const completion = await g.client().chat.completions.create(hello);

  assert.equal(completion.choices[0].message.content, '[small] echo: hello');
  assert.equal(completion.choices[0].message.role, 'assistant');
  assert.equal(completion.choices[0].finish_reason, 'stop');
  assert.equal(completion.choices[0].index, 0);
  assert.match(completion.id, /^chatcmpl-/);
  assert.equal(completion.object, 'chat.completion');
  assert.ok(Math.abs(completion.created - Date.now() / 1000) < 600, `created ${completion.created} is not now`);
  assert.equal(completion.model, 'small');
  assert.deepEqual(completion.usage && {
    prompt_tokens: completion.usage.prompt_tokens,
    completion_tokens: completion.usage.completion_tokens,
    total_tokens: completion.usage.total_tokens,
  }, { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 });
});

test('a chat completion carries the provider\'s system_fingerprint, as OpenAI sends it', async () => {
  const completion = await g.client().chat.completions.create(hello);

  assert.equal(typeof completion.system_fingerprint, 'string', `system_fingerprint: ${JSON.stringify(completion.system_fingerprint)}`);
});

test('a chat completion\'s choices[0].logprobs is present, and null when not asked for', async () => {
  const completion = await g.client().chat.completions.create(hello);

  assert.ok('logprobs' in completion.choices[0], `choices[0] has no logprobs key: ${JSON.stringify(completion.choices[0])}`);
  assert.equal(completion.choices[0].logprobs, null);
});

test('a chat completion answers with an x-request-id header (the SDK\'s _request_id)', async () => {
  const { data, response, request_id: requestId } = await g.client().chat.completions.create(hello).withResponse();

  assert.ok(response.headers.get('x-request-id'), `headers: ${JSON.stringify(Object.fromEntries(response.headers))}`);
  assert.equal(requestId, response.headers.get('x-request-id'));
  assert.equal(data._request_id, requestId);
});

test('a model served by the Anthropic provider answers in the same shape', async () => {
  const completion = await g.client().chat.completions.create({ ...hello, model: 'claude' });

  assert.equal(completion.choices[0].message.content, '[small] echo: hello');
  assert.equal(completion.model, 'claude');
  assert.equal(completion.choices[0].finish_reason, 'stop');
  assert.equal(completion.usage.total_tokens, 15);
  const [body] = await g.upstream.requests();
  assert.equal(body.model, 'claude-test');
});

test('GET /v1/models lists the configured models and routes', async () => {
  const models = [];
  for await (const model of g.client().models.list()) models.push(model);

  assert.deepEqual(models.map((m) => m.id).sort(), ['auto', 'backup', 'claude', 'primary', 'small', 'tiny']);
  for (const model of models) {
    assert.equal(model.object, 'model');
    assert.equal(typeof model.created, 'number');
    assert.equal(typeof model.owned_by, 'string');
  }
});

test('GET /v1/models/{id} retrieves a configured model', async () => {
  const model = await g.client().models.retrieve('small');

  assert.equal(model.id, 'small');
  assert.equal(model.object, 'model');
  assert.equal(typeof model.owned_by, 'string');
});

test('model "auto" (a route) answers like a model: the completion names the model that served, x-grounded-route says why', async () => {
  const { data, response } = await g.client().chat.completions.create({ ...hello, model: 'auto' }).withResponse();

  // The built-in auto sends chit-chat to the cheapest model: one with no known price counts as free.
  const route = response.headers.get('x-grounded-route') ?? '';
  const chosen = /^auto; class=simple; model=(\w+); reason=simple: ~\d+ prompt tokens, no cues$/.exec(route);
  assert.ok(chosen, `x-grounded-route: ${route}`);
  assert.equal(data.model, chosen[1]);
  assert.equal(response.headers.get('x-grounded-model'), chosen[1]);
  assert.equal(data.choices[0].message.content, '[small] echo: hello');
});

test('GET /v1/models/{id} of an unknown model is a NotFoundError in OpenAI\'s error shape', async () => {
  const error = await failureOf(g.client().models.retrieve('no-such-model'));

  assert.ok(error instanceof OpenAI.NotFoundError, `got ${error}`);
  assert.equal(error.status, 404);
  assert.equal(typeof error.error?.message, 'string', `error body: ${JSON.stringify(error.error)}`);
  assert.match(error.error.message, /no-such-model/);
});
