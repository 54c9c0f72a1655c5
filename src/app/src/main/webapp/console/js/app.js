// The console's shell: log in and out, who is logged in, and the views behind the navigation (#chat,
// #documents, #keys, #admin).
import {api, session} from './api.js';
import {$, guarded, showError, clearError} from './ui.js';
import {initChat, showChat, resetChat, stop} from './chat.js';
import {initDocuments, showDocuments} from './documents.js';
import {initKeys, showKeys, resetKeys} from './keys.js';
import {initAdmin, showAdmin, hideAdmin} from './admin.js';

const VIEWS = {chat: showChat, documents: showDocuments, keys: showKeys, admin: showAdmin};
let me = null;

function showOnly(name) {
  document.querySelectorAll('.view').forEach((view) => { view.hidden = view.id !== `view-${name}`; });
  document.querySelectorAll('#nav a').forEach((link) => {
    if (link.dataset.view === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
}

async function route() {
  if (!session.loggedIn) {
    showLogin();
    return;
  }
  if (!me) {
    me = await api('GET', '/auth/me');
    $('#who-email').textContent = me.email || me.subject;
    $('#nav-admin').hidden = !me.roles.includes('admin');
    $('#nav').hidden = false;
    $('#who').hidden = false;
  }
  let name = window.location.hash.slice(1);
  if (!VIEWS[name] || (name === 'admin' && !me.roles.includes('admin'))) name = 'chat';
  if (name !== 'admin') hideAdmin();
  showOnly(name);
  document.title = `${$(`#view-${name} h1`).textContent} · Lantern console`;
  await VIEWS[name]();
}

function showLogin(reason) {
  me = null;
  hideAdmin();
  $('#nav').hidden = true;
  $('#who').hidden = true;
  showOnly('login');
  document.title = 'Log in · Lantern console';
  if (reason) showError({message: reason, name: 'Session'});
  $('#login-email').focus();
}

function init() {
  // Nothing fails silently: an unexpected error of the page is shown like the server's.
  window.addEventListener('error', (event) => showError(event.error || {message: event.message}));
  window.addEventListener('unhandledrejection', (event) => showError(event.reason));
  $('#loading').hidden = true;
  initChat();
  initDocuments();
  initKeys();
  initAdmin();
  $('#error-close').addEventListener('click', clearError);
  session.onEnd((reason) => {
    resetChat();
    resetKeys();
    showLogin(reason);
  });
  $('#login-form').addEventListener('submit', guarded(async (event) => {
    event.preventDefault();
    const button = $('#login-submit');
    button.disabled = true;
    try {
      await session.login($('#login-email').value.trim(), $('#login-password').value);
      $('#login-password').value = '';
      await route();
    } finally {
      button.disabled = false;
    }
  }));
  $('#logout').addEventListener('click', guarded(async () => {
    stop();
    resetChat();
    resetKeys();
    try {
      await session.logout();
    } finally {
      window.location.hash = '';
      showLogin();
    }
  }));
  window.addEventListener('hashchange', guarded(route));
  session.schedule();
  guarded(route)();
}

init();
