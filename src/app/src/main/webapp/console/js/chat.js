// Chat: model picker, sampling settings, streamed answers rendered as sanitised Markdown, stop (which
// cancels the generation on the server: it notices the closed connection at its next write), token counts
// and tokens/s, and grounded answers with numbered citations that open the cited passage.
import {api, readEvents} from './api.js';
import {renderMarkdown} from './markdown.js';
import {$, el, guarded, showError, describe} from './ui.js';

const CHAT = 'lantern.chat';
const SETTINGS = 'lantern.chat.settings';

let conversation = load(CHAT, []);
let controller = null;
let modelsLoaded = false;

function load(key, fallback) {
  try {
    return JSON.parse(sessionStorage.getItem(key)) ?? fallback;
  } catch {
    return fallback;
  }
}

function save() {
  sessionStorage.setItem(CHAT, JSON.stringify(conversation));
}

const SETTING_FIELDS = {
  temperature: '#set-temperature', top_p: '#set-top-p', max_tokens: '#set-max-tokens',
  min_tokens: '#set-min-tokens', seed: '#set-seed',
};

function readSettings() {
  const settings = {};
  for (const [name, selector] of Object.entries(SETTING_FIELDS)) {
    const value = $(selector).value.trim();
    if (value !== '') settings[name] = Number(value);
  }
  return settings;
}

function saveSettings() {
  const stored = {model: $('#chat-model').value, rag: $('#chat-rag').checked, system: $('#set-system').value};
  for (const [name, selector] of Object.entries(SETTING_FIELDS)) stored[name] = $(selector).value;
  sessionStorage.setItem(SETTINGS, JSON.stringify(stored));
}

function restoreSettings() {
  const stored = load(SETTINGS, {});
  for (const [name, selector] of Object.entries(SETTING_FIELDS)) {
    if (stored[name] !== undefined) $(selector).value = stored[name];
  }
  $('#chat-rag').checked = Boolean(stored.rag);
  $('#set-system').value = stored.system || '';
  return stored;
}

async function loadModels() {
  const stored = restoreSettings();
  const models = await api('GET', '/v1/models');
  const select = $('#chat-model');
  select.replaceChildren(...models.data.map((m) => el('option', {value: m.id, text: m.id})));
  if (stored.model && models.data.some((m) => m.id === stored.model)) select.value = stored.model;
  modelsLoaded = true;
}

/** Turns "[n]" in the rendered answer into buttons that open citation n. */
function linkCitations(element, citations) {
  if (!citations || !citations.length) return;
  const byIndex = new Map(citations.map((c) => [String(c.index), c]));
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) {
    if (!walker.currentNode.parentElement.closest('code, pre')) nodes.push(walker.currentNode);
  }
  for (const node of nodes) {
    const parts = node.nodeValue.split(/(\[\d{1,2}\])/);
    if (parts.length === 1) continue;
    const replacement = parts.map((part) => {
      const match = /^\[(\d{1,2})\]$/.exec(part);
      const citation = match && byIndex.get(match[1]);
      return citation ? citeButton(citation, `[${citation.index}]`) : document.createTextNode(part);
    });
    node.replaceWith(...replacement);
  }
}

function citeButton(citation, label) {
  return el('button', {type: 'button', class: 'cite', 'data-cite': citation.index,
    'aria-label': `Source ${citation.index}: ${citation.filename}, passage ${citation.chunk_index + 1}`,
    onclick: () => openPassage(citation)}, label);
}

export function openPassage(citation) {
  $('#passage-title').textContent = `[${citation.index}] ${citation.filename}`;
  const score = typeof citation.score === 'number' ? `, relevance ${citation.score.toFixed(3)}` : '';
  $('#passage-meta').textContent = `Passage ${citation.chunk_index + 1}${score}`;
  $('#passage-text').textContent = citation.text;
  $('#passage').showModal();
  $('#passage-close').focus();
}

function messageView(message) {
  const body = el('div', {class: 'content'});
  const item = el('li', {class: `message ${message.role}`},
    el('p', {class: 'role', text: message.role === 'user' ? 'You' : 'Lantern'}), body);
  fill(item, message);
  return item;
}

/** (Re)draws a message's body, citations and figures. */
function fill(item, message) {
  const body = item.querySelector('.content');
  if (message.role === 'assistant') {
    renderMarkdown(body, message.content);
    linkCitations(body, message.citations);
  } else {
    body.textContent = message.content;
  }
  item.querySelectorAll('.citations, .meta').forEach((n) => n.remove());
  if (message.citations && message.citations.length) {
    item.append(el('ol', {class: 'citations', 'aria-label': 'Sources'},
      message.citations.map((c) => el('li', {},
        citeButton(c, `[${c.index}] ${c.filename} — passage ${c.chunk_index + 1}`)))));
  }
  if (message.meta) item.append(el('p', {class: 'meta', text: message.meta}));
  if (message.error) item.append(el('p', {class: 'meta error-text', text: message.error}));
}

function redraw() {
  $('#chat-log').replaceChildren(...conversation.map(messageView));
}

function figures(usage, tokens, firstAt, endAt, finish) {
  const parts = [];
  const completion = usage ? usage.completion_tokens : tokens;
  if (usage) parts.push(`${usage.prompt_tokens} prompt + ${usage.completion_tokens} completion tokens`);
  else parts.push(`${tokens} tokens`);
  if (firstAt && endAt > firstAt && completion > 1) {
    parts.push(`${((completion - 1) / ((endAt - firstAt) / 1000)).toFixed(1)} tokens/s`);
  }
  if (finish) parts.push(finish === 'cancelled' ? 'stopped' : `finish: ${finish}`);
  return parts.join(' · ');
}

function setStreaming(on) {
  $('#chat-send').disabled = on;
  $('#chat-stop').disabled = !on;
  $('#chat-log').setAttribute('aria-busy', on ? 'true' : 'false');
}

async function send(text) {
  const settings = readSettings();
  // A turn that failed before any answer is left out, so that the roles keep alternating.
  const history = conversation.filter((m) => !m.excluded).map((m) => ({role: m.role, content: m.content}));
  const system = $('#set-system').value.trim();
  const messages = [...(system ? [{role: 'system', content: system}] : []), ...history, {role: 'user', content: text}];
  const body = {model: $('#chat-model').value || undefined, messages, stream: true,
    stream_options: {include_usage: true}, ...settings};
  if ($('#chat-rag').checked) body.rag = {enabled: true, top_k: 4};

  const user = {role: 'user', content: text};
  const answer = {role: 'assistant', content: '', citations: null, meta: ''};
  conversation.push(user, answer);
  save();
  $('#chat-log').append(messageView(user));
  const item = messageView(answer);
  item.classList.add('streaming');
  $('#chat-log').append(item);

  controller = new AbortController();
  setStreaming(true);
  $('#chat-status').textContent = 'Generating…';
  let tokens = 0;
  let usage = null;
  let finish = null;
  let firstAt = null;
  let pending = 0;
  const start = performance.now();
  const draw = () => {
    pending = 0;
    fill(item, answer);
    item.scrollIntoView({block: 'end'});
  };
  try {
    const response = await api('POST', '/v1/chat/completions', {body, signal: controller.signal, raw: true});
    await readEvents(response, (chunk) => {
      if (chunk.citations) answer.citations = chunk.citations;
      if (chunk.usage) usage = chunk.usage;
      for (const choice of chunk.choices || []) {
        const delta = choice.delta && choice.delta.content;
        if (delta) {
          if (firstAt === null) firstAt = performance.now();
          answer.content += delta;
          tokens++;
        }
        if (choice.finish_reason) finish = choice.finish_reason;
      }
      if (!pending) pending = requestAnimationFrame(draw);
    });
  } catch (e) {
    if (e.name === 'AbortError') {
      finish = 'cancelled';
    } else {
      answer.error = describe(e);
      showError(e);
    }
  } finally {
    const endAt = performance.now();
    cancelAnimationFrame(pending); // the final drawing below replaces it
    controller = null;
    if (answer.error && !answer.content) {
      user.excluded = true;
      answer.excluded = true;
    }
    answer.meta = figures(usage, tokens, firstAt, endAt, finish);
    if (firstAt) answer.meta += ` · first token after ${((firstAt - start) / 1000).toFixed(2)} s`;
    save();
    item.classList.remove('streaming');
    fill(item, answer);
    setStreaming(false);
    $('#chat-status').textContent = finish === 'cancelled' ? 'Stopped.' : 'Done.';
    $('#chat-input').focus();
  }
}

export function stop() {
  if (controller) controller.abort();
}

export async function showChat() {
  if (!modelsLoaded) await loadModels();
  redraw();
  $('#chat-input').focus();
}

export function resetChat() {
  stop();
  conversation = [];
  modelsLoaded = false;
  sessionStorage.removeItem(CHAT);
  sessionStorage.removeItem(SETTINGS);
}

export function initChat() {
  $('#chat-form').addEventListener('submit', guarded(async (event) => {
    event.preventDefault();
    const input = $('#chat-input');
    const text = input.value.trim();
    if (!text || controller) return;
    input.value = '';
    await send(text);
  }));
  $('#chat-input').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $('#chat-form').requestSubmit();
    }
  });
  $('#chat-stop').addEventListener('click', stop);
  $('#chat-new').addEventListener('click', () => {
    stop();
    conversation = [];
    save();
    redraw();
    $('#chat-status').textContent = 'New conversation.';
    $('#chat-input').focus();
  });
  for (const selector of ['#chat-model', '#chat-rag', '#set-system', ...Object.values(SETTING_FIELDS)]) {
    $(selector).addEventListener('change', saveSettings);
  }
  $('#passage-close').addEventListener('click', () => $('#passage').close());
}
