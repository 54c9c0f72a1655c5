package dev.lantern.app.generation;

/** The OpenAPI descriptions of the structured-output and tool fields, the same wherever a request carries them. */
final class RequestDescriptions {
    static final String RESPONSE_FORMAT = "{\"type\": \"text\"}, {\"type\": \"json_object\"} (any JSON object) or "
            + "{\"type\": \"json_schema\", \"json_schema\": {\"name\", \"schema\", \"strict\"}}: the answer is generated "
            + "under the schema (every finished answer validates; one cut by max_tokens ends with finish_reason "
            + "length); a keyword Lantern cannot enforce is 400 INVALID_SCHEMA naming it";
    static final String LOGIT_BIAS = "Token ids (as /tokenize gives them) to a bias from -100 to 100 added to their "
            + "logits, e.g. {\"1234\": -100} never writes token 1234; at most 1024";
    static final String TOOL_CHOICE = "\"none\" (answer with text), \"auto\" (the default with tools: text, or calls "
            + "once the model starts one), \"required\" (one or more calls) or {\"type\": \"function\", \"function\": "
            + "{\"name\"}} (a call of that function); calls are constrained to the offered functions and their "
            + "parameters schemas, and answered in message.tool_calls with finish_reason tool_calls";
    static final String PARALLEL_TOOL_CALLS = "false: at most one call per answer (default true)";

    private RequestDescriptions() {
    }
}
