// Embeddings with the local model: the SDK asks for base64 by default and decodes it; float works too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import OpenAI from 'openai';
import { useGateway } from '../lib/harness.mjs';
import { failureOf } from '../lib/wire.mjs';

const g = useGateway();
const dimensions = 384;

function assertVectors(response, count) {
  assert.equal(response.object, 'list');
  assert.equal(response.data.length, count);
  response.data.forEach((item, i) => {
    assert.equal(item.object, 'embedding');
    assert.equal(item.index, i);
    assert.equal(item.embedding.length, dimensions);
    assert.ok(item.embedding.every(Number.isFinite));
    assert.ok(item.embedding.some((x) => x !== 0));
  });
  assert.equal(typeof response.model, 'string');
  assert.ok(response.usage.prompt_tokens > 0, `usage: ${JSON.stringify(response.usage)}`);
  assert.equal(response.usage.total_tokens, response.usage.prompt_tokens);
}

test('embeddings of two inputs (base64, the SDK\'s default) are two vectors of 384 floats, with usage', async () => {
  const response = await g.client().embeddings.create({ model: 'local', input: ['a', 'b'] });

  assertVectors(response, 2);
  assert.notDeepEqual(response.data[0].embedding, response.data[1].embedding);
});

test('embeddings with encoding_format float are the same vectors', async () => {
  const input = ['tides and the moon', 'a recipe for bread'];
  const [floats, base64] = await Promise.all([
    g.client().embeddings.create({ model: 'local', input, encoding_format: 'float' }),
    g.client().embeddings.create({ model: 'local', input }),
  ]);

  assertVectors(floats, 2);
  floats.data.forEach((item, i) => item.embedding.forEach((x, k) => assert.ok(Math.abs(x - base64.data[i].embedding[k]) < 1e-6)));
});

test('embeddings of a single string input', async () => {
  assertVectors(await g.client().embeddings.create({ model: 'local', input: 'hello' }), 1);
});

test('an unknown embedding model is a 404 NotFoundError', async () => {
  const error = await failureOf(g.client().embeddings.create({ model: 'text-embedding-nope', input: 'a' }));

  assert.ok(error instanceof OpenAI.NotFoundError, `got ${error?.constructor?.name} ${error?.status}`);
});
