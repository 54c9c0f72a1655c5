// Small DOM helpers: elements built with text only (never markup), errors, formatting.
import {ApiError} from './api.js';

export const $ = (selector, root = document) => root.querySelector(selector);

/** An element with attributes and children; strings become text nodes. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function describe(error) {
  if (error instanceof ApiError) return error.describe();
  if (error && error.name === 'Session') return error.message;
  return `Something went wrong in the page: ${error && error.message ? error.message : error}`;
}

/** Shows an error in the banner at the top (role=alert, read out by screen readers). */
export function showError(error) {
  if (error && error.name === 'AbortError') return;
  $('#error-text').textContent = describe(error);
  $('#error').hidden = false;
}

export function clearError() {
  $('#error').hidden = true;
  $('#error-text').textContent = '';
}

/** Runs an async action, showing its error instead of failing silently. */
export function guarded(action) {
  return async (...args) => {
    try {
      clearError();
      await action(...args);
    } catch (e) {
      showError(e);
    }
  };
}

export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function formatDate(iso) {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

export const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return element;
}
