// Store keys as the official SDK sees them: a key from `grounded keys create` works, and one limited to N requests a
// minute gets the SDK's RateLimitError (429, rate_limit_exceeded, Retry-After) on request N + 1.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import OpenAI from 'openai';
import { useGateway } from '../lib/harness.mjs';
import { failureOf } from '../lib/wire.mjs';

const g = useGateway({ storeKeys: [{ tenant: 'acme', role: 'reader' }, { tenant: 'acme', role: 'reader', rpm: 2 }] });
const hello = { model: 'small', messages: [{ role: 'user', content: 'hello' }] };

test('a key created with grounded keys create is accepted, and a made-up one is an AuthenticationError', async () => {
  const completion = await g.client({ apiKey: g.keys[0] }).chat.completions.create(hello);
  const error = await failureOf(g.client({ apiKey: 'grd_0123456789ab_made-up' }).models.list());

  assert.equal(completion.choices[0].message.content, '[small] echo: hello');
  assert.ok(error instanceof OpenAI.AuthenticationError, `got ${error?.constructor?.name} ${error?.status}`);
});

test('a key limited to 2 requests a minute gets a RateLimitError with Retry-After on its third, with no upstream call', async () => {
  const client = g.client({ apiKey: g.keys[1] });
  const { response } = await client.chat.completions.create(hello).withResponse();
  await client.chat.completions.create(hello);
  await g.upstream.reset();

  const error = await failureOf(client.chat.completions.create(hello));

  assert.equal(response.headers.get('x-ratelimit-limit-requests'), '2');
  assert.equal(response.headers.get('x-ratelimit-remaining-requests'), '1');
  assert.ok(error instanceof OpenAI.RateLimitError, `got ${error?.constructor?.name} ${error?.status}`);
  assert.equal(error.status, 429);
  assert.equal(error.code, 'rate_limit_exceeded');
  assert.ok(Number(error.headers.get('retry-after')) >= 1);
  assert.deepEqual(await g.upstream.requests(), []);
});
