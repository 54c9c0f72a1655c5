package dev.lantern.engine.constraint;

import com.fasterxml.jackson.databind.JsonNode;

/** A function a request offers: its name and the JSON Schema of its arguments (null: any JSON object). */
public record ToolFunction(String name, JsonNode parameters) {
}
