// Request parameters reach the upstream as the client sent them (parallel_tool_calls: tools.test.mjs); n > 1 is refused; content parts are kept.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import OpenAI from 'openai';
import { useGateway } from '../lib/harness.mjs';
import { failureOf } from '../lib/wire.mjs';

const g = useGateway();
const base = { model: 'small', messages: [{ role: 'user', content: 'hello' }] };

async function received(params) {
  await g.client().chat.completions.create({ ...base, ...params });
  const bodies = await g.upstream.requests();
  assert.equal(bodies.length, 1);
  return bodies[0];
}

const passedThrough = {
  n: 1,
  user: 'user-1234',
  metadata: { team: 'search', run: '7' },
  logit_bias: { 50256: -100, 1734: 5 },
  service_tier: 'flex',
  seed: 42,
  stop: ['END', 'STOP'],
  temperature: 0.3,
  top_p: 0.9,
  presence_penalty: 0.5,
  frequency_penalty: 0.25,
};
for (const [name, value] of Object.entries(passedThrough)) {
  test(`${name}: ${JSON.stringify(value)} reaches the upstream as sent`, async () => {
    const body = await received({ [name]: value });

    const actual = typeof value === 'number' ? Number(body[name]?.toFixed?.(4) ?? body[name]) : body[name];
    assert.deepEqual(actual, value, `the upstream received ${name}: ${JSON.stringify(body[name])}; body: ${JSON.stringify(body)}`);
  });
}

test('max_tokens reaches the upstream as max_tokens', async () => {
  const body = await received({ max_tokens: 50 });

  assert.equal(body.max_tokens, 50, `body: ${JSON.stringify(body)}`);
  assert.equal(body.max_completion_tokens, undefined);
});

test('max_completion_tokens reaches the upstream as max_completion_tokens', async () => {
  const body = await received({ max_completion_tokens: 60 });

  assert.equal(body.max_completion_tokens, 60, `body: ${JSON.stringify(body)}`);
  assert.equal(body.max_tokens, undefined);
});

test('logprobs and top_logprobs reach the upstream, and the reply\'s choices[0].logprobs comes back', async () => {
  const completion = await g.client().chat.completions.create({ ...base, logprobs: true, top_logprobs: 2 });

  const [body] = await g.upstream.requests();
  assert.equal(body.logprobs, true, `body: ${JSON.stringify(body)}`);
  assert.equal(body.top_logprobs, 2);
  const content = completion.choices[0].logprobs?.content;
  assert.ok(Array.isArray(content), `choices[0].logprobs: ${JSON.stringify(completion.choices[0].logprobs)}`);
  assert.deepEqual(content.map((t) => t.token), ['[small]', ' echo:', ' hello']);
  assert.ok(content.every((t) => typeof t.logprob === 'number' && t.top_logprobs.length === 2));
});

test('streamed chunks carry the upstream\'s logprobs when asked', async () => {
  const stream = await g.client().chat.completions.create({ ...base, logprobs: true, top_logprobs: 1, stream: true });
  const tokens = [];
  for await (const chunk of stream) tokens.push(...(chunk.choices[0]?.logprobs?.content ?? []).map((t) => t.token));

  assert.deepEqual(tokens, ['[small]', ' echo:', ' hello'], `logprobs tokens in the chunks: ${JSON.stringify(tokens)}`);
});

test('n: 2 is refused with 400 (param n) before any upstream call', async () => {
  const error = await failureOf(g.client().chat.completions.create({ ...base, n: 2 }));

  assert.ok(error instanceof OpenAI.BadRequestError, `got ${error} (${error?.status})`);
  assert.equal(error.param, 'n');
  assert.deepEqual(await g.upstream.requests(), []);
});

test('a user message with an image_url part reaches the upstream as an image_url part', async () => {
  const url = 'https://example.com/cat.png';

  const body = await received({
    messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url, detail: 'low' } }] }],
  });

  const parts = body.messages.at(-1).content;
  assert.ok(Array.isArray(parts), `content as received: ${JSON.stringify(parts)}`);
  assert.deepEqual(parts.find((p) => p.type === 'text')?.text, 'What is this?');
  const image = parts.find((p) => p.type === 'image_url');
  assert.equal(image?.image_url?.url, url, `content as received: ${JSON.stringify(parts)}`);
});

test('an unknown content part type is refused with 400 naming the type, before any upstream call', async () => {
  const error = await failureOf(g.client().chat.completions.create({
    ...base,
    messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }, { type: 'hologram', hologram: { id: 1 } }] }],
  }));

  assert.ok(error instanceof OpenAI.BadRequestError, `got ${error} (${error?.status})`);
  assert.match(error.message, /hologram/);
  assert.deepEqual(await g.upstream.requests(), []);
});
