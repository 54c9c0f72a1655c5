// The official openai client against Lantern: models, chat, streaming chat, embeddings. Prints one JSON
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

console.log(JSON.stringify({
  models: ids,
  chat: { content: chat.choices[0].message.content, finish_reason: chat.choices[0].finish_reason, usage: chat.usage },
  stream: { content: streamed, chunks, finish_reason: finishReason, usage: streamUsage },
  embedding: { dimension: embeddings.data[0].embedding.length, head: embeddings.data[0].embedding.slice(0, 5) },
  notFound,
}));
