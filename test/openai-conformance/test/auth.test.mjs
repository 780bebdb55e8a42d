// API keys: with auth.keys set, a wrong key is a 401 AuthenticationError and the right key works.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import OpenAI from 'openai';
import { useGateway } from '../lib/harness.mjs';
import { failureOf } from '../lib/wire.mjs';

const g = useGateway({ auth: ['s3cret'] });
const hello = { model: 'small', messages: [{ role: 'user', content: 'hello' }] };

test('a wrong API key is a 401 AuthenticationError, with no upstream call', async () => {
  const error = await failureOf(g.client({ apiKey: 'sk-wrong' }).chat.completions.create(hello));

  assert.ok(error instanceof OpenAI.AuthenticationError, `got ${error?.constructor?.name} ${error?.status}`);
  assert.equal(error.status, 401);
  assert.equal(typeof error.error?.message, 'string');
  assert.deepEqual(await g.upstream.requests(), []);
});

test('a wrong API key is refused on every /v1 route', async () => {
  const client = g.client({ apiKey: 'sk-wrong' });

  for (const call of [() => client.models.list(), () => client.embeddings.create({ model: 'local', input: 'a' })]) {
    const error = await failureOf(call());
    assert.ok(error instanceof OpenAI.AuthenticationError, `got ${error?.constructor?.name} ${error?.status}`);
  }
});

test('the right API key works', async () => {
  const completion = await g.client({ apiKey: 's3cret' }).chat.completions.create(hello);

  assert.equal(completion.choices[0].message.content, '[small] echo: hello');
});

test('/healthz needs no key', async () => {
  assert.equal((await g.fetch('/healthz')).status, 200);
});
