// Untrusted text (model output) to safe HTML: Markdown by marked, with raw HTML shown as text, then
// DOMPurify with a narrow allow-list. This is the only module that assigns innerHTML.
import {Marked} from '../vendor/marked.js';
import DOMPurify from '../vendor/purify.js';

const escapes = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => escapes[c]);

const marked = new Marked({gfm: true, breaks: true, async: false});
// HTML written by the model is shown as the text it is, never parsed as markup.
marked.use({renderer: {html: (token) => escapeHtml(token.text)}});

const purifier = DOMPurify(window);
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer nofollow');
  }
});

const POLICY = {
  ALLOWED_TAGS: ['p', 'br', 'hr', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'span', 'input'],
  ALLOWED_ATTR: ['href', 'title', 'class', 'align', 'type', 'checked', 'disabled', 'start'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  ALLOW_DATA_ATTR: false,
};

/** Renders Markdown into element, replacing what it held. */
export function renderMarkdown(element, text) {
  const html = marked.parse(text || '');
  // A TrustedHTML where the browser has Trusted Types (the console's policy requires them), else a string.
  element.innerHTML = purifier.sanitize(html, {...POLICY, RETURN_TRUSTED_TYPE: true});
  // Task-list checkboxes are the only inputs kept: they show state and must not be editable.
  element.querySelectorAll('input').forEach((input) => {
    if (input.type !== 'checkbox') input.remove(); else input.disabled = true;
  });
}
