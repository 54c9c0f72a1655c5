/**
 * A Jinja interpreter for chat templates, rendering exactly as transformers renders them: jinja2's
 * {@code ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)} with the loopcontrols extension,
 * transformers' {@code tojson}, {@code raise_exception}, {@code strftime_now} and {@code generation} tag.
 * It owns the lexer, parser and evaluator over plain values (None, bool, int, float, str, list, tuple, dict,
 * namespace, macro, Undefined) with Python's semantics, and the sandbox: no Java object is reachable, and a
 * render is bounded in time, output and depth ({@link dev.lantern.engine.template.RenderLimits}); every
 * failure is a {@link dev.lantern.engine.template.TemplateException}. It does not know about chats (see
 * {@code tokenizer.ChatTemplate}), beyond the one question a chat server asks of a template's syntax tree: whether
 * it loops over a message's content. Why an own interpreter, on evidence: Jinjava 2.7.4, tried first, rendered
 * 4 of 11 real templates (Llama 3.2, Mistral Nemo, Qwen 2.5, Qwen 3) differently from jinja2 on a plain chat
 * (whitespace after {@code {%-} with lstrip_blocks; {@code namespace(a=..)} arguments evaluated to
 * {@code NamedParameter}) and 10 of 20 probed constructs differently (slices with steps, Python string and
 * dict methods, {@code tojson} spacing and options, {@code str()} of True/None/lists, the {@code generation}
 * tag); making it conform meant overriding its whitespace handling, expression language and value printing,
 * which is most of an engine. Hugging Face ({@code @huggingface/jinja}) and llama.cpp ({@code minja}) wrote
 * focused interpreters for the same reason; this one is checked byte for byte against Python's jinja2 by the
 * conformance corpus in the engine's tests.
 */
package dev.lantern.engine.template;
