package dev.lantern.app.generation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The tutorial's answer: {@code {"response": "..."}}. */
@Schema(name = "GenerateResponse")
public record GenerateResponse(String response) {
}
