// Streamed chat completions: deltas, one finish_reason, the usage chunk, [DONE], and broken upstream streams.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import OpenAI from 'openai';
import { useGateway } from '../lib/harness.mjs';
import * as steps from '../lib/steps.mjs';
import { excerpt, failureOf, postRaw, sseEvents } from '../lib/wire.mjs';

const g = useGateway();
const request = (model = 'small') => ({
  model,
  messages: [{ role: 'user', content: 'one two three' }],
  stream: true,
  stream_options: { include_usage: true },
});

async function collect(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

function assertWellFormed(chunks, model) {
  const text = chunks.flatMap((c) => c.choices).map((c) => c.delta?.content ?? '').join('');
  assert.equal(text, '[small] echo: one two three');
  const choiceChunks = chunks.filter((c) => c.choices.length > 0);
  const finishes = choiceChunks.filter((c) => c.choices[0].finish_reason);
  assert.equal(finishes.length, 1, `finish_reason sent ${finishes.length} times: ${JSON.stringify(finishes)}`);
  assert.equal(choiceChunks.at(-1).choices[0].finish_reason, 'stop', 'the finish_reason is in the last choice chunk');
  assert.equal(choiceChunks[0].choices[0].delta.role, 'assistant');
  const last = chunks.at(-1);
  assert.deepEqual(last.choices, [], `the last chunk is the usage chunk: ${JSON.stringify(last)}`);
  assert.deepEqual(
    { prompt: last.usage?.prompt_tokens, completion: last.usage?.completion_tokens, total: last.usage?.total_tokens },
    { prompt: 10, completion: 5, total: 15 },
  );
  assert.equal(new Set(chunks.map((c) => c.id)).size, 1, 'every chunk has the same id');
  for (const chunk of chunks) {
    assert.equal(chunk.object, 'chat.completion.chunk');
    assert.equal(chunk.model, model);
  }
}

test('a stream with include_usage sends deltas, one finish_reason in the last choice chunk, then a usage chunk with choices: []', async () => {
  const chunks = await collect(await g.client().chat.completions.create(request()));

  assertWellFormed(chunks, 'small');
});

test('on the wire the stream is text/event-stream and ends with the usage chunk, then data: [DONE]', async () => {
  const { status, headers, text } = await postRaw(g, '/v1/chat/completions', request());

  assert.equal(status, 200);
  assert.match(headers.get('content-type'), /^text\/event-stream/);
  const events = sseEvents(text);
  assert.equal(events.at(-1).data, '[DONE]', `ends with: ${excerpt(text.slice(-300))}`);
  assert.deepEqual(JSON.parse(events.at(-2).data).choices, []);
  assert.equal(events.filter((e) => e.data === '[DONE]').length, 1);
});

test('a stream without include_usage sends no usage chunk', async () => {
  const chunks = await collect(await g.client().chat.completions.create({ ...request(), stream_options: undefined }));

  assert.ok(chunks.every((c) => c.choices.length > 0), `a chunk without choices: ${JSON.stringify(chunks.at(-1))}`);
  assert.equal(chunks.at(-1).choices[0].finish_reason, 'stop');
});

test('a stream from the Anthropic provider has the same shape', async () => {
  const chunks = await collect(await g.client().chat.completions.create(request('claude')));

  assertWellFormed(chunks, 'claude');
});

test('the SDK\'s stream helper assembles the final completion', async () => {
  const stream = g.client().chat.completions.stream(request());
  const completion = await stream.finalChatCompletion();

  assert.equal(completion.choices[0].message.content, '[small] echo: one two three');
  assert.equal(completion.choices[0].finish_reason, 'stop');
});

test('an upstream stream cut mid-way makes the SDK iteration throw, never a silent truncation', async () => {
  await g.upstream.script(steps.cutStream(2));
  const stream = await g.client().chat.completions.create(request());
  const seen = [];

  await assert.rejects(
    async () => {
      for await (const chunk of stream) seen.push(chunk);
    },
    (error) => error instanceof OpenAI.APIError || error instanceof Error,
  );
  assert.ok(!seen.some((c) => c.choices[0]?.finish_reason), 'no finish_reason before the error');
});

test('an upstream stream cut mid-way makes the stream helper\'s finalChatCompletion reject', async () => {
  await g.upstream.script(steps.cutStream(2));

  await assert.rejects(g.client().chat.completions.stream(request()).finalChatCompletion());
});

test('an upstream failure before the first token is an HTTP error, not a stream', async () => {
  await g.upstream.script(steps.fail(500, { message: 'the provider broke' }));

  const error = await failureOf(g.client().chat.completions.create(request()));

  assert.ok(error instanceof OpenAI.APIError, `got ${error}`);
  assert.ok(error.status >= 500, `status ${error.status}`);
});
