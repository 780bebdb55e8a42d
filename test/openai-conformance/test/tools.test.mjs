// Tools in both modes: tool-call replies (non-streamed and streamed), and the tool definitions the upstream receives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useGateway } from '../lib/harness.mjs';
import * as steps from '../lib/steps.mjs';

const g = useGateway();

const weather = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'The weather in a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['c', 'f'] } },
      required: ['city'],
    },
  },
};
const time = {
  type: 'function',
  function: { name: 'get_time', parameters: { type: 'object', properties: { zone: { type: 'string' } }, required: ['zone'] } },
};
const ask = (extra = {}) => ({ model: 'small', messages: [{ role: 'user', content: 'Weather in Paris?' }], tools: [weather], ...extra });
const parisArgs = '{"city":"Paris","unit":"c"}';

async function collect(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

test('a non-streamed tool call has tool_calls, content null and finish_reason tool_calls', async () => {
  await g.upstream.script(steps.toolCalls([{ name: 'get_weather', arguments: parisArgs, id: 'call_abc' }]));

  const completion = await g.client().chat.completions.create(ask());

  const choice = completion.choices[0];
  assert.equal(choice.finish_reason, 'tool_calls');
  assert.equal(choice.message.content, null, `content: ${JSON.stringify(choice.message.content)}`);
  assert.equal(choice.message.tool_calls.length, 1);
  const [call] = choice.message.tool_calls;
  assert.equal(call.id, 'call_abc');
  assert.equal(call.type, 'function');
  assert.equal(call.function.name, 'get_weather');
  assert.deepEqual(JSON.parse(call.function.arguments), { city: 'Paris', unit: 'c' });
});

test('two parallel tool calls come back in order with their own ids', async () => {
  await g.upstream.script(steps.toolCalls([
    { name: 'get_weather', arguments: '{"city":"Paris"}', id: 'call_1' },
    { name: 'get_time', arguments: '{"zone":"CET"}', id: 'call_2' },
  ]));

  const completion = await g.client().chat.completions.create(ask({ tools: [weather, time] }));

  assert.deepEqual(
    completion.choices[0].message.tool_calls.map((c) => [c.id, c.function.name, JSON.parse(c.function.arguments)]),
    [['call_1', 'get_weather', { city: 'Paris' }], ['call_2', 'get_time', { zone: 'CET' }]],
  );
});

test('tool-call arguments that are not valid JSON are passed through exactly as the provider sent them', async () => {
  const broken = '{"city": "Par';
  await g.upstream.script(steps.toolCalls([{ name: 'get_weather', arguments: broken }]));

  const completion = await g.client().chat.completions.create(ask());

  assert.equal(completion.choices[0].message.tool_calls?.[0]?.function.arguments, broken,
    `tool_calls: ${JSON.stringify(completion.choices[0].message.tool_calls)}`);
});

test('a streamed tool call: every tool_calls delta before the finish_reason, sent once, arguments in several deltas', async () => {
  await g.upstream.script(steps.toolCalls([{ name: 'get_weather', arguments: parisArgs, id: 'call_abc' }], 3));

  const chunks = await collect(await g.client().chat.completions.create({ ...ask(), stream: true }));

  const choices = chunks.flatMap((c) => c.choices);
  const finishAt = choices.findIndex((c) => c.finish_reason);
  const lastCallAt = choices.findLastIndex((c) => c.delta?.tool_calls?.length);
  const summary = JSON.stringify(choices.map((c) => ({ delta: c.delta, finish_reason: c.finish_reason })));
  assert.ok(lastCallAt >= 0, `no tool_calls delta: ${summary}`);
  assert.ok(lastCallAt < finishAt, `a tool_calls delta at ${lastCallAt} is not before the finish_reason at ${finishAt}: ${summary}`);
  assert.equal(choices.filter((c) => c.finish_reason).length, 1, `finish_reason more than once: ${summary}`);
  assert.equal(choices[finishAt].finish_reason, 'tool_calls');
  const deltas = choices.flatMap((c) => c.delta?.tool_calls ?? []);
  assert.equal(deltas[0].id, 'call_abc');
  assert.equal(deltas[0].function.name, 'get_weather');
  assert.ok(deltas.every((d) => d.index === 0));
  const pieces = deltas.map((d) => d.function?.arguments ?? '').filter((a) => a.length > 0);
  assert.ok(pieces.length >= 2, `arguments arrived in ${pieces.length} delta(s): ${JSON.stringify(pieces)}`);
  assert.equal(pieces.join(''), parisArgs);
});

test('the SDK\'s stream helper assembles a streamed tool call', async () => {
  await g.upstream.script(steps.toolCalls([{ name: 'get_weather', arguments: parisArgs, id: 'call_abc' }], 3));

  const completion = await g.client().chat.completions.stream(ask()).finalChatCompletion();

  const choice = completion.choices[0];
  assert.equal(choice.finish_reason, 'tool_calls');
  assert.equal(choice.message.tool_calls.length, 1);
  assert.equal(choice.message.tool_calls[0].id, 'call_abc');
  assert.equal(choice.message.tool_calls[0].function.name, 'get_weather');
  assert.deepEqual(JSON.parse(choice.message.tool_calls[0].function.arguments), { city: 'Paris', unit: 'c' });
});

test('two streamed tool calls keep their indexes and arguments apart', async () => {
  await g.upstream.script(steps.toolCalls([
    { name: 'get_weather', arguments: '{"city":"Paris"}', id: 'call_1' },
    { name: 'get_time', arguments: '{"zone":"CET"}', id: 'call_2' },
  ], 2));

  const completion = await g.client().chat.completions.stream(ask({ tools: [weather, time] })).finalChatCompletion();

  assert.deepEqual(
    completion.choices[0].message.tool_calls.map((c) => [c.id, c.function.name, JSON.parse(c.function.arguments)]),
    [['call_1', 'get_weather', { city: 'Paris' }], ['call_2', 'get_time', { zone: 'CET' }]],
  );
});

test('a tool call through the Anthropic provider comes back as an OpenAI tool call', async () => {
  await g.upstream.script(steps.toolCalls([{ name: 'get_weather', arguments: parisArgs, id: 'toolu_1' }]));

  const completion = await g.client().chat.completions.create(ask({ model: 'claude' }));

  const choice = completion.choices[0];
  assert.equal(choice.finish_reason, 'tool_calls');
  assert.equal(choice.message.tool_calls[0].id, 'toolu_1');
  assert.deepEqual(JSON.parse(choice.message.tool_calls[0].function.arguments), { city: 'Paris', unit: 'c' });
});

test('a streamed tool call through the Anthropic provider is assembled by the stream helper', async () => {
  await g.upstream.script(steps.toolCalls([{ name: 'get_weather', arguments: parisArgs, id: 'toolu_1' }], 3));

  const completion = await g.client().chat.completions.stream(ask({ model: 'claude' })).finalChatCompletion();

  const choice = completion.choices[0];
  assert.equal(choice.finish_reason, 'tool_calls');
  assert.equal(choice.message.tool_calls?.[0]?.id, 'toolu_1', `message: ${JSON.stringify(choice.message)}`);
  assert.deepEqual(JSON.parse(choice.message.tool_calls[0].function.arguments), { city: 'Paris', unit: 'c' });
});

test('the upstream receives a tool\'s name, description, strict: true and its parameters as sent', async () => {
  const strict = {
    type: 'function',
    function: {
      ...weather.function,
      strict: true,
      parameters: { ...weather.function.parameters, required: ['city', 'unit'], additionalProperties: false },
    },
  };
  await g.client().chat.completions.create(ask({ tools: [strict] }));

  const [body] = await g.upstream.requests();
  assert.deepEqual(body.tools, [strict], `tools as received: ${JSON.stringify(body.tools)}`);
});

test('the upstream receives a non-strict tool\'s parameters schema unchanged (no additionalProperties added)', async () => {
  await g.client().chat.completions.create(ask({ tools: [weather, time] }));

  const [body] = await g.upstream.requests();
  assert.equal(body.tools.length, 2);
  assert.deepEqual(body.tools.map((t) => t.function.parameters), [weather.function.parameters, time.function.parameters],
    `parameters as received: ${JSON.stringify(body.tools.map((t) => t.function.parameters))}`);
  assert.ok(body.tools.every((t) => t.function.strict !== true), 'strict was not asked for');
});

for (const choice of ['none', 'auto', 'required', { type: 'function', function: { name: 'get_weather' } }]) {
  test(`tool_choice ${JSON.stringify(choice)} reaches the upstream as sent`, async () => {
    await g.client().chat.completions.create(ask({ tool_choice: choice }));

    const [body] = await g.upstream.requests();
    assert.deepEqual(body.tool_choice, choice);
  });
}

test('parallel_tool_calls: false reaches the upstream', async () => {
  await g.client().chat.completions.create(ask({ parallel_tool_calls: false }));

  const [body] = await g.upstream.requests();
  assert.equal(body.parallel_tool_calls, false, `body: ${JSON.stringify(body)}`);
});

test('a conversation with a tool result reaches the upstream with the call and the result', async () => {
  await g.client().chat.completions.create({
    model: 'small',
    tools: [weather],
    messages: [
      { role: 'user', content: 'Weather in Paris?' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_abc', type: 'function', function: { name: 'get_weather', arguments: parisArgs } }] },
      { role: 'tool', tool_call_id: 'call_abc', content: '21 degrees' },
    ],
  });

  const [body] = await g.upstream.requests();
  const assistant = body.messages.find((m) => m.role === 'assistant');
  const tool = body.messages.find((m) => m.role === 'tool');
  assert.equal(assistant.tool_calls[0].id, 'call_abc');
  assert.equal(assistant.tool_calls[0].function.name, 'get_weather');
  assert.deepEqual(JSON.parse(assistant.tool_calls[0].function.arguments), { city: 'Paris', unit: 'c' });
  assert.equal(tool.tool_call_id, 'call_abc');
  const content = typeof tool.content === 'string' ? tool.content : tool.content.map((p) => p.text).join('');
  assert.equal(content, '21 degrees');
});
