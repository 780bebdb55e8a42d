// The Responses API (POST /v1/responses), which newer OpenAI clients and agent frameworks use by default: text, tools
// and streaming events. The upstream speaks chat completions, so these also check the translation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import OpenAI from 'openai';
import { useGateway } from '../lib/harness.mjs';
import * as steps from '../lib/steps.mjs';
import { failureOf } from '../lib/wire.mjs';

const g = useGateway();

const weather = {
  type: 'function',
  name: 'get_weather',
  description: 'The weather in a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
  strict: true,
};
const parisArgs = '{"city":"Paris"}';

async function events(stream) {
  const all = [];
  for await (const event of stream) all.push(event);
  return all;
}

test('a response to text input has output_text, status completed, an output message and usage', async () => {
  const response = await g.client().responses.create({ model: 'small', input: 'hello' });

  assert.equal(response.output_text, '[small] echo: hello');
  assert.equal(response.status, 'completed');
  assert.equal(response.object, 'response');
  assert.equal(typeof response.id, 'string');
  assert.equal(response.model, 'small');
  const message = response.output.find((item) => item.type === 'message');
  assert.equal(message?.role, 'assistant');
  assert.equal(message.content[0].type, 'output_text');
  assert.equal(message.content[0].text, '[small] echo: hello');
  assert.deepEqual(
    { input: response.usage?.input_tokens, output: response.usage?.output_tokens, total: response.usage?.total_tokens },
    { input: 10, output: 5, total: 15 },
  );
});

test('instructions and a list of input messages reach the upstream as system and user messages', async () => {
  await g.client().responses.create({
    model: 'small',
    instructions: 'Answer in one word.',
    input: [{ role: 'user', content: 'hello' }],
  });

  const [body] = await g.upstream.requests();
  const text = (m) => (typeof m.content === 'string' ? m.content : m.content.map((p) => p.text).join(''));
  assert.ok(body.messages.some((m) => ['system', 'developer'].includes(m.role) && text(m) === 'Answer in one word.'),
    `messages: ${JSON.stringify(body.messages)}`);
  assert.equal(text(body.messages.at(-1)), 'hello');
});

test('a tool call comes back as a function_call output item with call_id, name and arguments', async () => {
  await g.upstream.script(steps.toolCalls([{ name: 'get_weather', arguments: parisArgs, id: 'call_abc' }]));

  const response = await g.client().responses.create({ model: 'small', input: 'Weather in Paris?', tools: [weather] });

  const call = response.output.find((item) => item.type === 'function_call');
  assert.ok(call, `output: ${JSON.stringify(response.output)}`);
  assert.equal(call.call_id, 'call_abc');
  assert.equal(call.name, 'get_weather');
  assert.equal(call.arguments, parisArgs);
  const [body] = await g.upstream.requests();
  assert.equal(body.tools?.[0]?.function?.name, 'get_weather', `tools as received: ${JSON.stringify(body.tools)}`);
});

test('a function_call_output in the input reaches the upstream as the tool call and its result', async () => {
  await g.client().responses.create({
    model: 'small',
    tools: [weather],
    input: [
      { role: 'user', content: 'Weather in Paris?' },
      { type: 'function_call', call_id: 'call_abc', name: 'get_weather', arguments: parisArgs },
      { type: 'function_call_output', call_id: 'call_abc', output: '21 degrees' },
    ],
  });

  const [body] = await g.upstream.requests();
  const assistant = body.messages.find((m) => m.role === 'assistant');
  const tool = body.messages.find((m) => m.role === 'tool');
  assert.equal(assistant?.tool_calls?.[0]?.id, 'call_abc', `messages: ${JSON.stringify(body.messages)}`);
  assert.equal(assistant.tool_calls[0].function.name, 'get_weather');
  assert.equal(tool?.tool_call_id, 'call_abc');
});

test('a streamed response sends response.created, output_text deltas, output_text.done and response.completed', async () => {
  const all = await events(await g.client().responses.create({ model: 'small', input: 'one two three', stream: true }));

  const types = all.map((e) => e.type);
  assert.equal(types[0], 'response.created', `events: ${types.join(', ')}`);
  assert.equal(types.at(-1), 'response.completed', `events: ${types.join(', ')}`);
  const deltas = all.filter((e) => e.type === 'response.output_text.delta');
  assert.ok(deltas.length >= 2, `${deltas.length} text deltas`);
  assert.equal(deltas.map((e) => e.delta).join(''), '[small] echo: one two three');
  assert.equal(all.find((e) => e.type === 'response.output_text.done')?.text, '[small] echo: one two three');
  assert.equal(all.at(-1).response.status, 'completed');
  const numbers = all.map((e) => e.sequence_number);
  assert.ok(numbers.every((n, i) => i === 0 || n > numbers[i - 1]), `sequence_number: ${numbers}`);
});

test('a streamed tool call sends function_call_arguments deltas and done, then response.completed', async () => {
  await g.upstream.script(steps.toolCalls([{ name: 'get_weather', arguments: parisArgs, id: 'call_abc' }], 3));

  const all = await events(await g.client().responses.create({ model: 'small', input: 'Weather?', tools: [weather], stream: true }));

  const types = all.map((e) => e.type);
  const added = all.find((e) => e.type === 'response.output_item.added' && e.item.type === 'function_call');
  assert.equal(added?.item.name, 'get_weather', `events: ${types.join(', ')}`);
  assert.equal(added.item.call_id, 'call_abc');
  const deltas = all.filter((e) => e.type === 'response.function_call_arguments.delta');
  assert.ok(deltas.length >= 1, `events: ${types.join(', ')}`);
  assert.equal(deltas.map((e) => e.delta).join(''), parisArgs);
  assert.equal(all.find((e) => e.type === 'response.function_call_arguments.done')?.arguments, parisArgs);
  assert.equal(types.at(-1), 'response.completed');
  assert.equal(all.at(-1).response.output.find((item) => item.type === 'function_call')?.arguments, parisArgs);
});

test('the SDK\'s responses.stream helper gives the final response', async () => {
  const response = await g.client().responses.stream({ model: 'small', input: 'hello' }).finalResponse();

  assert.equal(response.output_text, '[small] echo: hello');
  assert.equal(response.status, 'completed');
});

test('a response for an unknown model is a 404 NotFoundError naming the model', async () => {
  const error = await failureOf(g.client().responses.create({ model: 'gpt-nope', input: 'hello' }));

  assert.ok(error instanceof OpenAI.NotFoundError, `got ${error?.constructor?.name} ${error?.status}`);
  assert.match(error.error?.message ?? '', /gpt-nope/, `error body: ${JSON.stringify(error.error)}`);
});
