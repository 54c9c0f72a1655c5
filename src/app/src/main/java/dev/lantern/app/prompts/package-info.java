/**
 * What a model is shown, without generating: a chat request's messages, tools and template options checked and
 * rendered through the model's chat template ({@link dev.lantern.app.prompts.ChatPrompt}, used by every chat
 * generation too), the per-request template gate, and the endpoints that expose prompts and tokens
 * ({@code /tokenize}, {@code /detokenize}, {@code /apply-template}). Generating belongs to {@code generation},
 * which builds on this package; which models exist, and the template an operator configured for one, to
 * {@code models}.
 */
package dev.lantern.app.prompts;
