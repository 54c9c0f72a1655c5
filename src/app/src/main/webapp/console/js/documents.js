// Documents: drag-and-drop upload of several files (upload progress, then the server's processing progress
// until ready or failed), the list with delete, and search.
import {api, errorFromBody, session, ApiError} from './api.js';
import {$, el, guarded, describe, formatBytes, formatDate} from './ui.js';

const POLL_MS = 1000;
const queue = [];
let uploading = false;

function uploadRow(file) {
  const progress = el('progress', {max: 100, value: 0, 'aria-label': `${file.name} progress`});
  const status = el('span', {class: 'upload-status', text: 'waiting'});
  const row = el('li', {class: 'upload', 'data-name': file.name},
    el('span', {class: 'upload-name', text: file.name}), progress, status);
  $('#uploads').prepend(row);
  return {row, progress, status, set(state, text) {
    row.dataset.state = state;
    status.textContent = text;
  }};
}

function enqueue(files) {
  for (const file of files) queue.push({file, view: uploadRow(file)});
  drain();
}

/** One upload at a time: the server processes documents one after another anyway. */
async function drain() {
  if (uploading) return;
  uploading = true;
  try {
    while (queue.length) {
      const {file, view} = queue.shift();
      try {
        await uploadOne(file, view);
      } catch (e) {
        view.set('failed', describe(e));
        view.progress.value = 0;
      }
    }
  } finally {
    uploading = false;
  }
}

/** XMLHttpRequest rather than fetch: fetch reports no upload progress. */
function post(file, view, token) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/v1/documents');
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.responseType = 'text';
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        const share = Math.round((event.loaded / event.total) * 100);
        view.progress.value = share;
        view.set('uploading', `uploading ${share} %`);
      }
    });
    xhr.addEventListener('load', () => resolve(xhr));
    xhr.addEventListener('error', () => reject(new ApiError(0, 'NETWORK',
      'The upload could not reach the server.', null, null)));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

async function uploadOne(file, view) {
  view.set('uploading', 'uploading');
  let xhr = await post(file, view, await session.token());
  if (xhr.status === 401) {
    await session.refresh();
    xhr = await post(file, view, await session.token());
  }
  if (xhr.status < 200 || xhr.status >= 300) {
    throw errorFromBody(xhr.status, xhr.responseText, xhr.getResponseHeader('Lantern-Request-Id'));
  }
  const answer = JSON.parse(xhr.responseText);
  const id = answer.document_ids[0];
  view.row.dataset.id = id;
  await follow(id, view);
  await refreshList();
}

/** Polls the document until it is ready or failed, showing the server's progress. */
async function follow(id, view) {
  for (;;) {
    const doc = await api('GET', `/v1/documents/${encodeURIComponent(id)}`);
    if (doc.status === 'ready') {
      view.progress.value = 100;
      view.set('ready', `ready · ${doc.chunks} ${doc.chunks === 1 ? 'chunk' : 'chunks'}`);
      return;
    }
    if (doc.status === 'failed') {
      view.set('failed', `failed: ${doc.error ? `${doc.error.message} (${doc.error.code})` : 'no reason given'}`);
      return;
    }
    view.progress.value = doc.progress;
    view.set('processing', `processing ${doc.progress} %`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function statusCell(doc) {
  if (doc.status === 'failed') {
    return el('td', {class: 'failed'}, 'failed', doc.error ? el('br') : null,
      doc.error ? el('small', {text: doc.error.message}) : null);
  }
  if (doc.status === 'processing') return el('td', {text: `processing ${doc.progress} %`});
  return el('td', {class: 'ready', text: doc.status});
}

export async function refreshList() {
  const list = await api('GET', '/v1/documents');
  const rows = list.data.map((doc) => el('tr', {'data-id': doc.id},
    el('td', {class: 'name', text: doc.filename}), statusCell(doc),
    el('td', {text: formatBytes(doc.size_bytes)}), el('td', {text: doc.chunks}),
    el('td', {text: formatDate(doc.uploaded_at)}),
    el('td', {}, el('button', {type: 'button', class: 'danger small', 'aria-label': `Delete ${doc.filename}`,
      onclick: guarded(async () => {
        if (!window.confirm(`Delete ${doc.filename}? Its passages leave the search index.`)) return;
        await api('DELETE', `/v1/documents/${encodeURIComponent(doc.id)}`);
        await refreshList();
      })}, 'Delete'))));
  $('#documents-table tbody').replaceChildren(...rows);
  $('#documents-empty').hidden = rows.length > 0;
}

async function search(event) {
  event.preventDefault();
  const query = $('#search-query').value.trim();
  if (!query) return;
  const answer = await api('POST', '/v1/documents/search', {body: {query, top_k: 8}});
  const items = answer.results.map((r) => el('li', {},
    el('p', {class: 'hint'}, `${r.filename} — passage ${r.chunk_index + 1}`,
      r.page ? `, page ${r.page}` : '', r.section ? `, ${r.section}` : '', ` · score ${r.score.toFixed(4)}`),
    el('blockquote', {class: 'passage', text: r.text})));
  $('#search-results').replaceChildren(...(items.length ? items
    : [el('li', {class: 'hint', text: 'Nothing found.'})]));
}

export function initDocuments() {
  const zone = $('#dropzone');
  const input = $('#file-input');
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    if (event.dataTransfer && event.dataTransfer.files.length) enqueue([...event.dataTransfer.files]);
  });
  $('#choose-files').addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    enqueue([...input.files]);
    input.value = '';
  });
  $('#search-form').addEventListener('submit', guarded(search));
}

export async function showDocuments() {
  await refreshList();
}
