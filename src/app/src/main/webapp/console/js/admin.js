// Administration: the live load (from the server's own Prometheus metrics), the error statistics over
// time, and the users (create, disable or enable, reset password).
import {api, errorFrom} from './api.js';
import {$, el, guarded, showError, formatDate, svg} from './ui.js';

const LOAD_MS = 2000;
const HISTORY = 60;
const COLOURS = ['#b3261e', '#1f5fae', '#b26a00', '#2e7d32', '#6a1b9a', '#00838f', '#5d4037', '#c2185b'];

let loadTimer = null;
let previous = null;
const history = [];
let passwordUser = null;

/** The samples of a Prometheus text exposition: [{name, labels, value}]. */
export function parseMetrics(text) {
  const samples = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([^}]*)\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const labels = {};
    for (const pair of (match[3] || '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[pair[1]] = pair[2];
    }
    samples.push({name: match[1], labels, value: Number(match[4])});
  }
  return samples;
}

function sum(samples, name) {
  return samples.filter((s) => s.name === name).reduce((total, s) => total + (Number.isFinite(s.value) ? s.value : 0), 0);
}

async function pollLoad() {
  try {
    const response = await fetch('/metrics', {headers: {Accept: 'text/plain'}, cache: 'no-store', credentials: 'omit'});
    if (!response.ok) throw await errorFrom(response);
    const samples = parseMetrics(await response.text());
    const now = {
      at: performance.now(),
      // The scheduler counts tokens as they are made; generation_tokens_total only when a request ends.
      tokens: samples.some((s) => s.name === 'lantern_scheduler_tokens')
        ? sum(samples, 'lantern_scheduler_tokens') : sum(samples, 'lantern_generation_tokens_total'),
      ttftSum: sum(samples, 'lantern_time_to_first_token_seconds_sum'),
      ttftCount: sum(samples, 'lantern_time_to_first_token_seconds_count'),
    };
    $('#load-running').textContent = sum(samples, 'lantern_num_requests_running');
    $('#load-waiting').textContent = sum(samples, 'lantern_num_requests_waiting');
    if (previous) {
      const seconds = (now.at - previous.at) / 1000;
      const rate = Math.max(0, (now.tokens - previous.tokens) / seconds);
      $('#load-tps').textContent = rate.toFixed(1);
      const firsts = now.ttftCount - previous.ttftCount;
      if (firsts > 0) {
        $('#load-ttft').textContent = `${(((now.ttftSum - previous.ttftSum) / firsts) * 1000).toFixed(0)} ms`;
      } else if (now.ttftCount > 0) {
        $('#load-ttft').replaceChildren(`${((now.ttftSum / now.ttftCount) * 1000).toFixed(0)} ms `,
          el('small', {class: 'hint', text: 'mean since start'}));
      }
      history.push(rate);
      if (history.length > HISTORY) history.shift();
      drawSpark();
    }
    previous = now;
  } catch (e) {
    stopLoad();
    showError(e);
  }
}

function drawSpark() {
  const chart = $('#load-chart');
  chart.querySelectorAll('polyline').forEach((n) => n.remove());
  const top = Math.max(1, ...history);
  const points = history.map((v, i) => `${(i / (HISTORY - 1)) * 300},${58 - (v / top) * 54}`).join(' ');
  chart.append(svg('polyline', {points, class: 'spark-line', 'vector-effect': 'non-scaling-stroke'}));
  $('#load-chart-caption').textContent =
    `Tokens per second over the last two minutes (top of the scale: ${top.toFixed(0)})`;
}

function stopLoad() {
  clearInterval(loadTimer);
  loadTimer = null;
}

function startLoad() {
  stopLoad();
  previous = null;
  pollLoad();
  loadTimer = setInterval(pollLoad, LOAD_MS);
}

async function refreshErrors() {
  const hours = Number($('#errors-hours').value);
  const stats = await api('GET', `/stats/errors?hours=${hours}`);
  $('#errors-total').textContent = `${stats.total_errors} errors in all since the first start.`;
  $('#errors-table tbody').replaceChildren(...Object.entries(stats.error_types)
    .sort((a, b) => b[1] - a[1])
    .map(([code, count]) => el('tr', {}, el('td', {}, el('code', {text: code})), el('td', {text: count}))));
  drawErrors(stats.hourly, hours);
}

/** Stacked bars, one per hour of the period, coloured by error code. */
function drawErrors(hourly, hours) {
  const chart = $('#errors-chart');
  chart.querySelectorAll('g, text, rect, line').forEach((n) => n.remove());
  const width = 720;
  const height = 180;
  const left = 40;
  const bottom = 20;
  const end = new Date();
  end.setUTCMinutes(0, 0, 0);
  const startMs = end.getTime() - (hours - 1) * 3_600_000;
  const byHour = new Map(hourly.map((h) => [new Date(h.hour).getTime(), h.error_types]));
  const codes = [...new Set(hourly.flatMap((h) => Object.keys(h.error_types)))].sort();
  const colour = (code) => COLOURS[codes.indexOf(code) % COLOURS.length];
  let top = 1;
  for (const counts of byHour.values()) top = Math.max(top, Object.values(counts).reduce((a, b) => a + b, 0));
  const slot = (width - left) / hours;
  const scale = (height - bottom - 10) / top;
  const bars = svg('g', {class: 'bars'});
  for (let i = 0; i < hours; i++) {
    const at = startMs + i * 3_600_000;
    const counts = byHour.get(at);
    if (!counts) continue;
    let y = height - bottom;
    for (const code of codes) {
      const count = counts[code] || 0;
      if (!count) continue;
      const h = count * scale;
      y -= h;
      bars.append(svg('rect', {x: left + i * slot, y, width: Math.max(1, slot - 1), height: h, fill: colour(code),
        'data-code': code}, svg('title', {}, `${new Date(at).toLocaleString()}: ${count} × ${code}`)));
    }
  }
  chart.append(
    svg('line', {x1: left, y1: height - bottom, x2: width, y2: height - bottom, class: 'axis-line'}),
    svg('text', {x: left - 4, y: 14, class: 'axis', 'text-anchor': 'end'}, String(top)),
    svg('text', {x: left - 4, y: height - bottom, class: 'axis', 'text-anchor': 'end'}, '0'),
    svg('text', {x: left, y: height - 4, class: 'axis'}, new Date(startMs).toLocaleString()),
    svg('text', {x: width, y: height - 4, class: 'axis', 'text-anchor': 'end'}, 'now'),
    bars);
  $('#errors-legend').replaceChildren(...(codes.length
    ? codes.map((code) => el('li', {}, el('span', {class: `swatch swatch-${codes.indexOf(code) % COLOURS.length}`,
      'aria-hidden': 'true'}), code))
    : [el('li', {class: 'hint', text: 'No errors in this period.'})]));
}

async function refreshUsers() {
  const users = await api('GET', '/admin/users');
  $('#users-table tbody').replaceChildren(...users.map((u) => el('tr', {'data-email': u.email},
    el('td', {class: 'name', text: u.email}), el('td', {text: u.roles.join(', ')}),
    el('td', {text: u.enabled ? 'enabled' : 'disabled'}), el('td', {text: formatDate(u.created_at)}),
    el('td', {text: formatDate(u.last_login_at)}),
    el('td', {class: 'actions'},
      el('button', {type: 'button', class: u.enabled ? 'danger small' : 'small',
        'aria-label': `${u.enabled ? 'Disable' : 'Enable'} ${u.email}`,
        onclick: guarded(async () => {
          await api('POST', `/admin/users/${encodeURIComponent(u.id)}/${u.enabled ? 'disable' : 'enable'}`);
          await refreshUsers();
        })}, u.enabled ? 'Disable' : 'Enable'),
      el('button', {type: 'button', class: 'secondary small', 'aria-label': `Reset the password of ${u.email}`,
        onclick: () => {
          passwordUser = u;
          $('#password-for').textContent = u.email;
          $('#password-new').value = '';
          $('#password-dialog').showModal();
        }}, 'Reset password')))));
}

export async function showAdmin() {
  startLoad();
  await Promise.all([refreshErrors(), refreshUsers()]);
}

export function hideAdmin() {
  stopLoad();
}

export function initAdmin() {
  $('#errors-form').addEventListener('submit', guarded(async (event) => {
    event.preventDefault();
    await refreshErrors();
  }));
  $('#errors-hours').addEventListener('change', guarded(refreshErrors));
  $('#user-form').addEventListener('submit', guarded(async (event) => {
    event.preventDefault();
    await api('POST', '/admin/users', {body: {email: $('#user-email').value.trim(),
      password: $('#user-password').value, roles: [$('#user-role').value]}});
    $('#user-email').value = '';
    $('#user-password').value = '';
    await refreshUsers();
  }));
  $('#password-form').addEventListener('submit', guarded(async (event) => {
    event.preventDefault();
    const user = passwordUser;
    $('#password-dialog').close();
    if (!user) return;
    await api('POST', `/admin/users/${encodeURIComponent(user.id)}/password`,
      {body: {password: $('#password-new').value}});
    $('#password-new').value = '';
    passwordUser = null;
  }));
  $('#password-cancel').addEventListener('click', () => $('#password-dialog').close());
}
