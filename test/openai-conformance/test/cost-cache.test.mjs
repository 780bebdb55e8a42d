// Cost and cache as the official SDK sees them: every completion says what it cost (x-grounded-cost-usd and
// usage.cost_usd, which the SDK keeps) and how it was served (x-grounded-cache); an identical request at temperature 0
// is answered from the exact cache without reaching the upstream, whole or streamed, and the SDK cannot tell the
// difference in the answer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useGateway } from '../lib/harness.mjs';

const g = useGateway();
const question = (content, extra = {}) => ({ model: 'small', temperature: 0, messages: [{ role: 'user', content }], ...extra });

test('a second identical request at temperature 0 comes from the exact cache, free, without an upstream call', async () => {
  const client = g.client();
  const first = await client.chat.completions.create(question('What is the capital of France?')).withResponse();
  await g.upstream.reset();

  const second = await client.chat.completions.create(question('What is the capital of France?')).withResponse();

  assert.equal(first.response.headers.get('x-grounded-cache'), 'miss');
  assert.equal(second.response.headers.get('x-grounded-cache'), 'exact');
  assert.deepEqual(await g.upstream.requests(), []);
  assert.equal(second.data.choices[0].message.content, first.data.choices[0].message.content);
  assert.ok(Number(first.response.headers.get('x-grounded-cost-usd')) > 0, 'gpt-4o-mini is priced from the built-in table');
  assert.equal(first.data.usage.cost_usd, Number(first.response.headers.get('x-grounded-cost-usd')));
  assert.equal(second.response.headers.get('x-grounded-cost-usd'), '0');
});

test('a streamed request is answered from the cache as a stream the SDK reads like any other', async () => {
  const client = g.client();
  await client.chat.completions.create(question('Stream this from the cache, please.'));
  await g.upstream.reset();

  const stream = await client.chat.completions.create(question('Stream this from the cache, please.', { stream: true, stream_options: { include_usage: true } }));
  let text = '';
  let usage;
  for await (const chunk of stream) {
    text += chunk.choices[0]?.delta?.content ?? '';
    usage = chunk.usage ?? usage;
  }

  assert.equal(text, '[small] echo: Stream this from the cache, please.');
  assert.equal(usage.cost_usd, 0);
  assert.deepEqual(await g.upstream.requests(), []);
});

test('sampled requests and cache: false always reach the upstream and say bypass', async () => {
  const client = g.client();
  for (const body of [question('sample me', { temperature: 0.8 }), question('never from cache', { cache: false })]) {
    await g.upstream.reset();
    const a = await client.chat.completions.create(body).withResponse();
    const b = await client.chat.completions.create(body).withResponse();

    assert.equal(a.response.headers.get('x-grounded-cache'), 'bypass');
    assert.equal(b.response.headers.get('x-grounded-cache'), 'bypass');
    assert.equal((await g.upstream.requests()).length, 2);
  }
});
