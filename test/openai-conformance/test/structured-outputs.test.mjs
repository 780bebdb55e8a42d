// Structured outputs: response_format reaches the upstream unchanged, and the SDK's parse() reads the JSON reply.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useGateway } from '../lib/harness.mjs';
import * as steps from '../lib/steps.mjs';

const g = useGateway();

const answerFormat = {
  type: 'json_schema',
  json_schema: {
    name: 'answer',
    description: 'An answer and how sure it is',
    strict: true,
    schema: {
      type: 'object',
      properties: { answer: { type: 'string' }, sure: { type: 'boolean' } },
      required: ['answer', 'sure'],
      additionalProperties: false,
    },
  },
};
const question = { model: 'small', messages: [{ role: 'user', content: 'What is six times seven?' }] };

test('response_format json_schema reaches the upstream with its name, description, strict and schema unchanged', async () => {
  await g.client().chat.completions.create({ ...question, response_format: answerFormat });

  const [body] = await g.upstream.requests();
  assert.deepEqual(body.response_format, answerFormat, `response_format as received: ${JSON.stringify(body.response_format)}`);
});

test('response_format json_object reaches the upstream', async () => {
  await g.client().chat.completions.create({ ...question, response_format: { type: 'json_object' } });

  const [body] = await g.upstream.requests();
  assert.deepEqual(body.response_format, { type: 'json_object' });
});

test('the SDK\'s parse() reads the structured reply', async () => {
  const json = '{"answer":"42","sure":true}';
  await g.upstream.script(steps.ok(json));

  const completion = await g.client().chat.completions.parse({ ...question, response_format: answerFormat });

  assert.equal(completion.choices[0].message.content, json);
  assert.deepEqual(completion.choices[0].message.parsed, { answer: '42', sure: true });
});

test('a streamed structured reply arrives whole through the stream helper', async () => {
  const json = '{"answer": "42", "sure": true}';
  await g.upstream.script(steps.ok(json));

  const completion = await g.client().chat.completions.stream({ ...question, response_format: answerFormat }).finalChatCompletion();

  // The SDK fills message.parsed from a stream only for its own auto-parseable formats (zod); the JSON is what counts.
  assert.equal(completion.choices[0].message.content, json);
  assert.deepEqual(JSON.parse(completion.choices[0].message.content), { answer: '42', sure: true });
});
