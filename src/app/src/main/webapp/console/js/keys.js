// API keys: create (the value shown once, with a copy button and code samples pointing at this server),
// list, revoke.
import {api} from './api.js';
import {$, el, guarded, formatDate} from './ui.js';

let created = null;
let model = 'default';

function samples(key) {
  const base = `${window.location.origin}/v1`;
  return {
    curl: `curl ${base}/chat/completions \\
  -H "Authorization: Bearer ${key}" \\
  -H "Content-Type: application/json" \\
  -d '{"model": "${model}", "messages": [{"role": "user", "content": "Hello!"}]}'`,
    python: `from openai import OpenAI

client = OpenAI(base_url="${base}", api_key="${key}")
answer = client.chat.completions.create(
    model="${model}",
    messages=[{"role": "user", "content": "Hello!"}],
)
print(answer.choices[0].message.content)`,
    js: `import OpenAI from "openai";

const client = new OpenAI({ baseURL: "${base}", apiKey: "${key}" });
const answer = await client.chat.completions.create({
  model: "${model}",
  messages: [{ role: "user", content: "Hello!" }],
});
console.log(answer.choices[0].message.content);`,
    langchain4j: `import dev.langchain4j.model.openai.OpenAiChatModel;

OpenAiChatModel model = OpenAiChatModel.builder()
        .baseUrl("${base}")
        .apiKey("${key}")
        .modelName("${model}")
        .build();
System.out.println(model.chat("Hello!"));`,
  };
}

function showSample() {
  if (created) $('#key-sample').textContent = samples(created.key)[$('#key-sample-kind').value];
}

function forget() {
  created = null;
  $('#key-value').textContent = '';
  $('#key-sample').textContent = '';
  $('#key-copied').textContent = '';
  $('#key-created').hidden = true;
}

async function copy() {
  if (!created) return;
  try {
    await navigator.clipboard.writeText(created.key);
    $('#key-copied').textContent = 'Copied to the clipboard.';
  } catch {
    // No clipboard permission: select the key so that the keyboard can copy it.
    const range = document.createRange();
    range.selectNodeContents($('#key-value'));
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    $('#key-copied').textContent = 'Selected: press Ctrl+C (or ⌘C) to copy.';
  }
}

async function refresh() {
  const keys = await api('GET', '/v1/api-keys');
  const rows = keys.map((k) => el('tr', {'data-id': k.id},
    el('td', {class: 'name', text: k.name}), el('td', {}, el('code', {text: k.id})),
    el('td', {text: formatDate(k.created_at)}),
    el('td', {}, el('button', {type: 'button', class: 'danger small', 'aria-label': `Revoke ${k.name}`,
      onclick: guarded(async () => {
        if (!window.confirm(`Revoke the key "${k.name}"? Applications using it stop working.`)) return;
        await api('DELETE', `/v1/api-keys/${encodeURIComponent(k.id)}`);
        await refresh();
      })}, 'Revoke'))));
  $('#keys-table tbody').replaceChildren(...rows);
  $('#keys-empty').hidden = rows.length > 0;
}

export async function showKeys() {
  const models = await api('GET', '/v1/models');
  if (models.data.length) model = models.data[0].id;
  await refresh();
}

export function resetKeys() {
  forget();
}

export function initKeys() {
  $('#key-form').addEventListener('submit', guarded(async (event) => {
    event.preventDefault();
    const name = $('#key-name').value.trim();
    if (!name) return;
    created = await api('POST', '/v1/api-keys', {body: {name}});
    $('#key-name').value = '';
    $('#key-value').textContent = created.key;
    $('#key-created').hidden = false;
    showSample();
    $('#key-copy').focus();
    await refresh();
  }));
  $('#key-copy').addEventListener('click', copy);
  $('#key-sample-kind').addEventListener('change', showSample);
  $('#key-done').addEventListener('click', forget);
}
