/**
 * Structured output and tool calls (issue 20, the application's half): what a request asks of its answer's shape
 * — {@code response_format} (text, any JSON object, or a JSON Schema's documents), {@code tools} with
 * {@code tool_choice} and {@code parallel_tool_calls}, {@code logit_bias} — turned into the engine's constraint
 * ({@code dev.lantern.engine.constraint}), bound to a model's vocabulary once per (model, schema) and kept
 * ({@link dev.lantern.app.structured.Constraints}), and the tool calls read back out of the generated text, whole or
 * as they stream ({@link dev.lantern.app.structured.ToolCallReader}). Which format a model writes its calls in comes
 * from its chat template or the operator's setting ({@link dev.lantern.app.structured.ToolCallStyle},
 * {@link dev.lantern.app.structured.ToolCallSettings}). Every refusal is a 400 naming the field, and a schema
 * keyword the engine cannot enforce is {@code INVALID_SCHEMA} naming its path. It knows nothing of endpoints: the
 * {@code generation} package asks it and shapes the answers.
 */
package dev.lantern.app.structured;
