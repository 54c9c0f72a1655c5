package dev.lantern.app.structured;

/**
 * One call the model made: its id (made here, {@code call_...}), the function's name, and its arguments exactly as
 * the model wrote them (JSON text, OpenAI's {@code function.arguments} string).
 */
public record ToolCall(String id, String name, String arguments) {
}
