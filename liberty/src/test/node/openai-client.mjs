// The official openai client against Lantern: models, chat, streaming chat, embeddings, tool calls. Prints one JSON
// object for OpenAiClientIT to check; exits non-zero on any failure. Env: LANTERN_BASE_URL, LANTERN_API_KEY.
import OpenAI from "openai";

const client = new OpenAI({
  baseURL: `${process.env.LANTERN_BASE_URL}/v1`,
  apiKey: process.env.LANTERN_API_KEY || "no-key",
  maxRetries: 0,
  timeout: 60_000,
  // Configuration, not a change to the client: the stream below must really generate rather than replay
  // the chat's answer from Lantern's response cache.
  defaultHeaders: { "Cache-Control": "no-cache" },
});

const models = await client.models.list();
const ids = [];
for await (const model of models) {
  ids.push(model.id);
}

const chat = await client.chat.completions.create({
  model: ids[0],
  messages: [{ role: "user", content: "What is a generator in Python?" }],
  temperature: 0,
  max_tokens: 32,
});

const stream = await client.chat.completions.create({
  model: ids[0],
  messages: [{ role: "user", content: "What is a generator in Python?" }],
  temperature: 0,
  max_tokens: 32,
  stream: true,
  stream_options: { include_usage: true },
});
let streamed = "";
let chunks = 0;
let streamUsage = null;
let finishReason = null;
for await (const chunk of stream) {
  chunks++;
  streamed += chunk.choices[0]?.delta?.content ?? "";
  finishReason = chunk.choices[0]?.finish_reason ?? finishReason;
  streamUsage = chunk.usage ?? streamUsage;
}

const embeddings = await client.embeddings.create({ model: "all-minilm-l6-v2", input: ["hello world"] });

let notFound = null;
try {
  await client.chat.completions.create({ model: "no-such-model", messages: [{ role: "user", content: "hi" }] });
} catch (e) {
  notFound = { status: e.status, code: e.code ?? e.error?.code ?? null };
}

// Tool calls: required (sampled, ten times; one call each, so that every answer ends by itself), none, a streamed call (the SDK's own stream helper reassembles it)
// against the whole one, and a round trip with the tool's answer.
const weather = {
  type: "function",
  function: {
    name: "get_weather",
    description: "The current weather in a city",
    parameters: {
      type: "object",
      properties: { city: { type: "string", maxLength: 20 }, unit: { enum: ["celsius", "fahrenheit"] } },
      required: ["city", "unit"],
      additionalProperties: false,
    },
  },
};
const question = [{ role: "user", content: "What is the weather in Paris?" }];
const calls = (message) => (message.tool_calls ?? []).map((c) => ({
  id: c.id, type: c.type, name: c.function.name, arguments: c.function.arguments,
}));
const required = [];
for (let i = 0; i < 10; i++) {
  const r = await client.chat.completions.create({
    model: ids[0], messages: question, tools: [weather], tool_choice: "required", parallel_tool_calls: false,
    temperature: 1.0, seed: 200 + i, max_tokens: 80,
  });
  required.push({ finish_reason: r.choices[0].finish_reason, content: r.choices[0].message.content,
    calls: calls(r.choices[0].message) });
}
const none = [];
for (let i = 0; i < 3; i++) {
  const r = await client.chat.completions.create({
    model: ids[0], messages: question, tools: [weather], tool_choice: "none", temperature: 1.0, seed: 300 + i,
    max_tokens: 24,
  });
  none.push({ finish_reason: r.choices[0].finish_reason, calls: calls(r.choices[0].message) });
}
const greedyCall = { model: ids[0], messages: question, tools: [weather], tool_choice: "required",
  parallel_tool_calls: false, temperature: 0, max_tokens: 80 };
const whole = await client.chat.completions.create(greedyCall);
const toolStream = client.chat.completions.stream(greedyCall);
let toolChunks = 0;
for await (const chunk of toolStream) {
  toolChunks += chunk.choices[0]?.delta?.tool_calls ? 1 : 0;
}
const reassembled = await toolStream.finalChatCompletion();
const answered = await client.chat.completions.create({
  model: ids[0], tools: [weather], temperature: 0, max_tokens: 16,
  messages: [...question, whole.choices[0].message,
    { role: "tool", tool_call_id: whole.choices[0].message.tool_calls[0].id, content: "{\"temperature\": 21}" }],
});

console.log(JSON.stringify({
  models: ids,
  chat: { content: chat.choices[0].message.content, finish_reason: chat.choices[0].finish_reason, usage: chat.usage },
  stream: { content: streamed, chunks, finish_reason: finishReason, usage: streamUsage },
  embedding: { dimension: embeddings.data[0].embedding.length, head: embeddings.data[0].embedding.slice(0, 5) },
  notFound,
  tools: {
    required,
    none,
    whole: { finish_reason: whole.choices[0].finish_reason, calls: calls(whole.choices[0].message) },
    stream: { finish_reason: reassembled.choices[0].finish_reason, calls: calls(reassembled.choices[0].message),
      chunks: toolChunks },
    roundTrip: { finish_reason: answered.choices[0].finish_reason, content: answered.choices[0].message.content,
      calls: calls(answered.choices[0].message) },
  },
}));
