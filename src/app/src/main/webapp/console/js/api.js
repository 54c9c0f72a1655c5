// The server's API as the console uses it: the session (tokens in this tab's sessionStorage only), the
// bearer token on every call, background refresh with rotation, and errors as readable ApiError objects.

const STORE = 'lantern.session';
const REFRESH_MARGIN_MS = 60_000;

/** An error answered by the server (its catalogue body) or met on the way (network). */
export class ApiError extends Error {
  constructor(status, code, message, requestId, param) {
    super(message);
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.param = param;
  }

  /** One line for people: the server's message, its code and the request id to quote to an operator. */
  describe() {
    const parts = [this.message];
    const details = [];
    if (this.code) details.push(this.code);
    if (this.param) details.push(`field ${this.param}`);
    if (this.requestId) details.push(`request id ${this.requestId}`);
    if (details.length) parts.push(`(${details.join(', ')})`);
    return parts.join(' ');
  }
}

/** The error of a non-2xx answer, read from the catalogue body when there is one. */
export async function errorFrom(response) {
  const headerId = response.headers.get('Lantern-Request-Id');
  let text = '';
  try {
    text = await response.text();
  } catch {
    // the body could not be read: the status alone must do
  }
  return errorFromBody(response.status, text, headerId);
}

export function errorFromBody(status, text, headerId) {
  try {
    const body = JSON.parse(text);
    if (body && body.error) {
      const e = body.error;
      return new ApiError(status, e.code || null, e.message || `The server answered ${status}.`,
        e.request_id || headerId, e.param || null);
    }
  } catch {
    // not JSON: fall through
  }
  return new ApiError(status, null, `The server answered ${status} ${statusText(status)}.`, headerId, null);
}

function statusText(status) {
  return {400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 413: 'Too Large',
    415: 'Unsupported Media Type', 429: 'Too Many Requests', 500: 'Internal Server Error',
    502: 'Bad Gateway', 503: 'Unavailable', 504: 'Timeout'}[status] || '';
}

function networkError(e) {
  if (e && e.name === 'AbortError') return e;
  return new ApiError(0, 'NETWORK', 'The server could not be reached. Check your connection and try again.', null, null);
}

/** The tokens of this tab: kept in sessionStorage so a reload keeps the login, never beyond the tab. */
class Session {
  constructor() {
    this.listeners = [];
    this.timer = null;
    this.refreshing = null;
    try {
      this.state = JSON.parse(sessionStorage.getItem(STORE)) || null;
    } catch {
      this.state = null;
    }
  }

  get loggedIn() {
    return this.state !== null;
  }

  onEnd(listener) {
    this.listeners.push(listener);
  }

  store(tokens) {
    this.state = {
      access: tokens.access_token,
      refresh: tokens.refresh_token,
      expiresAt: Date.now() + (tokens.expires_in || 900) * 1000,
    };
    sessionStorage.setItem(STORE, JSON.stringify(this.state));
    this.schedule();
  }

  /** Refresh before the access token runs out, so that a long chat or upload never meets a 401. */
  schedule() {
    clearTimeout(this.timer);
    if (!this.state) return;
    const due = Math.max(5_000, this.state.expiresAt - Date.now() - REFRESH_MARGIN_MS);
    this.timer = setTimeout(() => this.refresh().catch(() => {}), due);
  }

  async login(email, password) {
    const response = await send('POST', '/login', {email, password}, null);
    if (!response.ok) throw await errorFrom(response);
    this.store(await response.json());
  }

  /** One refresh at a time: the old refresh token stops working once used, so two would end the family. */
  refresh() {
    if (!this.refreshing) {
      this.refreshing = this.doRefresh().finally(() => { this.refreshing = null; });
    }
    return this.refreshing;
  }

  async doRefresh() {
    if (!this.state) throw new ApiError(401, 'UNAUTHORIZED', 'Please log in.', null, null);
    const response = await send('POST', '/auth/refresh', {refresh_token: this.state.refresh}, null);
    if (!response.ok) {
      const error = await errorFrom(response);
      if (response.status === 401) this.end('Your session has ended. Please log in again.');
      throw error;
    }
    this.store(await response.json());
  }

  /** A valid access token, refreshed first when it is about to run out. */
  async token() {
    if (!this.state) throw new ApiError(401, 'UNAUTHORIZED', 'Please log in.', null, null);
    if (Date.now() > this.state.expiresAt - 10_000) await this.refresh();
    return this.state.access;
  }

  /** Log out: the server revokes the refresh token's whole family. */
  async logout() {
    const refresh = this.state && this.state.refresh;
    this.clear();
    if (refresh) {
      const response = await send('POST', '/auth/logout', {refresh_token: refresh}, null);
      if (!response.ok && response.status !== 401) throw await errorFrom(response);
    }
  }

  clear() {
    clearTimeout(this.timer);
    this.state = null;
    sessionStorage.removeItem(STORE);
  }

  end(reason) {
    this.clear();
    this.listeners.forEach((listener) => listener(reason));
  }
}

export const session = new Session();

async function send(method, path, body, token, signal, extraHeaders) {
  const headers = {Accept: 'application/json', ...(extraHeaders || {})};
  if (token) headers.Authorization = `Bearer ${token}`;
  const init = {method, headers, signal, credentials: 'omit', cache: 'no-store'};
  if (body !== undefined && body !== null) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  try {
    return await fetch(path, init);
  } catch (e) {
    throw networkError(e);
  }
}

/**
 * Calls the API with the session's token (refreshing once on a 401) and answers the parsed JSON, null for
 * 204, or with {raw: true} the Response itself (streams). Non-2xx answers throw an ApiError.
 */
export async function api(method, path, {body, signal, raw, headers} = {}) {
  let response = await send(method, path, body, await session.token(), signal, headers);
  if (response.status === 401 && session.loggedIn) {
    await session.refresh();
    response = await send(method, path, body, await session.token(), signal, headers);
  }
  if (!response.ok) throw await errorFrom(response);
  if (raw) return response;
  if (response.status === 204) return null;
  return response.json();
}

/** Reads an OpenAI event stream, calling onEvent with each parsed data object; ends at [DONE]. */
export async function readEvents(response, onEvent) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const {value, done} = await reader.read();
    if (done) break;
    buffer += value;
    let boundary;
    while ((boundary = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const event = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary).replace(/^\r?\n\r?\n/, '');
      const data = event.split(/\r?\n/).filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, '')).join('\n');
      if (!data) continue; // a comment (keep-alive)
      if (data === '[DONE]') return;
      const parsed = JSON.parse(data);
      if (parsed.error) {
        throw errorFromBody(200, data, response.headers.get('Lantern-Request-Id'));
      }
      onEvent(parsed);
    }
  }
  throw new ApiError(0, 'STREAM_ENDED', 'The answer ended before it was complete.',
    response.headers.get('Lantern-Request-Id'), null);
}
