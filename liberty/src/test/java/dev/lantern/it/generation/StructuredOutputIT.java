package dev.lantern.it.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lantern.it.LanternServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * response_format through the real server and the demo model: answers sampled at temperature 1.0 under 100
 * schemas all validate when they finish (networknt's validator judges), whole, streamed, with n > 1 and with
 * logprobs; completions take it too; logit_bias steers tokens; the cache keys both; and what cannot be given is a 400
 * naming its field.
 */
class StructuredOutputIT {

    private static final int SCHEMAS = 100;

    @BeforeAll
    static void ready() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
    }

    static ObjectNode schemaFormat(JsonNode schema) {
        ObjectNode format = Api.object().put("type", "json_schema");
        format.putObject("json_schema").put("name", "answer").put("strict", true).set("schema", schema);
        return format;
    }

    private static ObjectNode sampled(JsonNode schema) {
        ObjectNode body = Api.chat("Describe a Python module as JSON.").put("temperature", 1.0).put("top_p", 1.0)
                .put("max_tokens", 200);
        body.set("response_format", schemaFormat(schema));
        return body;
    }

    @Test
    void everyFinishedAnswerOfAHundredSchemasValidates() throws Exception {
        Random random = new Random(20);
        List<JsonNode> schemas = new ArrayList<>();
        for (int i = 0; i < SCHEMAS; i++) {
            schemas.add(Schemas.random(random));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (JsonNode schema : schemas) {
                answers.add(pool.submit(() -> Api.post("/v1/chat/completions", sampled(schema))));
            }
            int finished = 0;
            int cut = 0;
            List<String> invalid = new ArrayList<>();
            for (int i = 0; i < SCHEMAS; i++) {
                HttpResponse<String> response = answers.get(i).get();
                assertEquals(200, response.statusCode(), schemas.get(i) + " → " + response.body());
                JsonNode choice = Api.json(response).path("choices").get(0);
                String text = choice.path("message").path("content").asText();
                if (choice.path("finish_reason").asText().equals("length")) {
                    cut++;
                    continue;
                }
                assertEquals("stop", choice.path("finish_reason").asText());
                finished++;
                String problem = SchemaOracle.judge(schemas.get(i), text);
                if (problem != null) {
                    invalid.add(schemas.get(i) + " → " + text + ": " + problem);
                }
            }
            System.out.printf("[structured] %d schemas at temperature 1.0: %d answers finished, %d valid, %d cut by "
                    + "max_tokens%n", SCHEMAS, finished, finished - invalid.size(), cut);
            assertEquals(List.of(), invalid, "every finished answer validates");
            assertTrue(finished >= SCHEMAS / 2, "most answers finish within 200 tokens: " + finished);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void streamedSeveralChoicesWithLogprobsValidate() throws Exception {
        JsonNode schema = Schemas.random(new Random(3));
        ObjectNode body = sampled(schema).put("n", 3).put("stream", true).put("logprobs", true).put("seed", 11);
        Api.Events events = Api.stream("/v1/chat/completions", body);
        assertEquals(200, events.status());
        assertTrue(events.done());
        StringBuilder[] texts = {new StringBuilder(), new StringBuilder(), new StringBuilder()};
        String[] finish = new String[3];
        int withLogprobs = 0;
        for (JsonNode event : events.data()) {
            for (JsonNode choice : event.path("choices")) {
                int i = choice.path("index").asInt();
                texts[i].append(choice.path("delta").path("content").asText(""));
                if (choice.hasNonNull("finish_reason")) {
                    finish[i] = choice.path("finish_reason").asText();
                }
                withLogprobs += choice.path("logprobs").path("content").size() > 0 ? 1 : 0;
            }
        }
        assertTrue(withLogprobs > 0, "logprobs stream along");
        for (int i = 0; i < 3; i++) {
            assertTrue(finish[i].matches("stop|length"), finish[i]);
            if (finish[i].equals("stop")) {
                assertNull(SchemaOracle.judge(schema, texts[i].toString()), texts[i].toString());
            }
        }
    }

    @Test
    void anAnswerCutByMaxTokensEndsWithLength() throws Exception {
        ObjectNode body = Api.chat("List things.").put("temperature", 0).put("max_tokens", 5);
        body.set("response_format", schemaFormat(LanternServer.JSON.readTree("{\"type\":\"object\",\"properties\":"
                + "{\"items\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"minItems\":5}},\"required\":[\"items\"]}")));
        JsonNode choice = Api.json(Api.post("/v1/chat/completions", body)).path("choices").get(0);
        assertEquals("length", choice.path("finish_reason").asText());
        String text = choice.path("message").path("content").asText();
        assertTrue(text.startsWith("{\"items\":[") || "{\"items\":[".startsWith(text), "a prefix of a valid document: "
                + text);
    }

    @Test
    void jsonObjectAndCompletionsAreConstrainedToo() throws Exception {
        ObjectNode chat = Api.chat("Give me JSON.").put("temperature", 1.0).put("seed", 5).put("max_tokens", 150);
        chat.putObject("response_format").put("type", "json_object");
        JsonNode choice = Api.json(Api.post("/v1/chat/completions", chat)).path("choices").get(0);
        if (choice.path("finish_reason").asText().equals("stop")) {
            assertTrue(LanternServer.JSON.readTree(choice.path("message").path("content").asText()).isObject());
        }
        assertTrue(choice.path("message").path("content").asText().startsWith("{"));
        JsonNode schema = LanternServer.JSON.readTree("{\"type\":\"object\",\"properties\":{\"ok\":{\"type\":\"boolean\"},"
                + "\"n\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":9}},\"required\":[\"ok\",\"n\"],"
                + "\"additionalProperties\":false}");
        ObjectNode completion = Api.object().put("prompt", "The answer:").put("temperature", 1.0).put("seed", 9)
                .put("max_tokens", 40).put("n", 2);
        completion.set("response_format", schemaFormat(schema));
        for (JsonNode c : Api.json(Api.post("/v1/completions", completion)).path("choices")) {
            assertEquals("stop", c.path("finish_reason").asText(), c.toString());
            assertNull(SchemaOracle.judge(schema, c.path("text").asText()), c.path("text").asText());
        }
    }

    @Test
    void logitBiasSteersTokensOnChatAndCompletions() throws Exception {
        ObjectNode tokenize = Api.object().put("prompt", " kernel").put("add_special_tokens", false);
        JsonNode ids = Api.json(Api.post("/tokenize", tokenize)).path("tokens");
        assertEquals(1, ids.size(), ids.toString());
        int kernel = ids.get(0).asInt();
        ObjectNode chat = Api.chat("What is a list?").put("temperature", 0).put("max_tokens", 3).put("ignore_eos", true);
        chat.putObject("logit_bias").put(String.valueOf(kernel), 100);
        assertEquals(" kernel kernel kernel", Api.json(Api.post("/v1/chat/completions", chat)).path("choices").get(0)
                .path("message").path("content").asText());
        ObjectNode free = Api.object().put("prompt", "The Linux kernel").put("temperature", 0).put("max_tokens", 4)
                .put("logprobs", 0);
        JsonNode first = Api.json(Api.post("/v1/completions", free)).path("choices").get(0);
        String firstToken = first.path("logprobs").path("tokens").get(0).asText();
        int banned = Api.json(Api.post("/tokenize", Api.object().put("prompt", firstToken)
                .put("add_special_tokens", false))).path("tokens").get(0).asInt();
        free.putObject("logit_bias").put(String.valueOf(banned), -100);
        JsonNode steered = Api.json(Api.post("/v1/completions", free)).path("choices").get(0);
        assertTrue(!steered.path("logprobs").path("tokens").get(0).asText().equals(firstToken),
                "the banned token " + firstToken + " is not written");
    }

    @Test
    void theCacheKeysTheStructureAndTheBiases() throws Exception {
        ObjectNode plain = Api.chat("What is a tuple? " + System.nanoTime()).put("temperature", 0).put("max_tokens", 20);
        ObjectNode json = plain.deepCopy();
        json.putObject("response_format").put("type", "json_object");
        ObjectNode biased = plain.deepCopy();
        biased.putObject("logit_bias").put("5", -100);
        assertEquals("miss", cacheable(plain));
        assertEquals("hit", cacheable(plain));
        assertEquals("miss", cacheable(json), "another response_format is another answer");
        assertEquals("hit", cacheable(json));
        assertEquals("miss", cacheable(biased), "another logit_bias is another answer");
    }

    private static String cacheable(ObjectNode body) throws Exception {
        HttpResponse<String> response = LanternServer.client().send(Api.cacheable("/v1/chat/completions")
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        LanternServer.JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.headers().firstValue("Lantern-Cache").orElse("");
    }

    @Test
    void whatCannotBeEnforcedIsRefusedNamingIt() throws Exception {
        ObjectNode unsupported = Api.chat("Hi");
        unsupported.set("response_format", schemaFormat(LanternServer.JSON.readTree("{\"type\":\"object\","
                + "\"properties\":{\"age\":{\"type\":\"integer\",\"multipleOf\":5}}}")));
        JsonNode error = refused(unsupported, "INVALID_SCHEMA");
        assertEquals("response_format.json_schema.schema.properties.age.multipleOf", error.path("param").asText());
        assertTrue(error.path("message").asText().contains("multipleOf"));
        ObjectNode beams = Api.chat("Hi").put("num_beams", 2);
        beams.putObject("response_format").put("type", "json_object");
        assertEquals("num_beams", refused(beams, "VALIDATION_ERROR").path("param").asText());
        ObjectNode noSchema = Api.chat("Hi");
        noSchema.putObject("response_format").put("type", "json_schema").putObject("json_schema").put("name", "x");
        assertEquals("response_format.json_schema.schema", refused(noSchema, "VALIDATION_ERROR").path("param").asText());
        ObjectNode type = Api.chat("Hi");
        type.putObject("response_format").put("type", "xml");
        assertEquals("response_format.type", refused(type, "VALIDATION_ERROR").path("param").asText());
        for (String bias : List.of("{\"5\": 101}", "{\"999999\": 1}", "{\"x\": 1}")) {
            ObjectNode body = Api.chat("Hi");
            body.set("logit_bias", LanternServer.JSON.readTree(bias));
            assertEquals("logit_bias", refused(body, "VALIDATION_ERROR").path("param").asText(), bias);
        }
        ObjectNode streamed = unsupported.deepCopy().put("stream", true);
        HttpResponse<String> response = Api.post("/v1/chat/completions", streamed);
        assertEquals(400, response.statusCode(), "a stream is refused before it starts: " + response.body());
    }

    private static JsonNode refused(ObjectNode body, String code) throws Exception {
        HttpResponse<String> response = Api.post("/v1/chat/completions", body);
        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = Api.json(response).path("error");
        assertEquals(code, error.path("code").asText(), response.body());
        return error;
    }

    /** Random schemas of the keywords the issue lists, mostly objects as clients send them. */
    static final class Schemas {
        private Schemas() {
        }

        static JsonNode random(Random r) {
            return object(r, 0);
        }

        private static ObjectNode object(Random r, int depth) {
            ObjectNode o = Api.object().put("type", "object");
            ObjectNode properties = o.putObject("properties");
            ArrayNode required = Api.object().arrayNode();
            int n = 1 + r.nextInt(4);
            for (int i = 0; i < n; i++) {
                String name = List.of("id", "name", "size", "tags", "when", "kind", "ok", "items", "owner", "score")
                        .get(r.nextInt(10)) + i;
                properties.set(name, value(r, depth + 1));
                if (r.nextInt(4) > 0) {
                    required.add(name);
                }
            }
            if (!required.isEmpty()) {
                o.set("required", required);
            }
            if (r.nextBoolean()) {
                o.put("additionalProperties", false);
            }
            return o;
        }

        private static JsonNode value(Random r, int depth) {
            int pick = r.nextInt(depth < 2 ? 16 : 12);
            ObjectNode v = Api.object();
            switch (pick) {
                case 0 -> v.put("type", "string").put("maxLength", 1 + r.nextInt(12));
                case 1 -> v.put("type", "string").put("minLength", 2).put("maxLength", 6);
                case 2 -> v.putArray("enum").add("red").add("green").add("blue");
                case 3 -> v.put("type", "string").put("format", List.of("date", "uuid", "email", "date-time")
                        .get(r.nextInt(4)));
                case 4 -> v.put("type", "string").put("pattern", "^[a-z]{2,5}-[0-9]{1,3}$");
                case 5 -> v.put("type", "integer").put("minimum", -r.nextInt(50)).put("maximum", r.nextInt(1000));
                case 6 -> v.put("type", "number").put("minimum", 0).put("maximum", 100);
                case 7 -> v.put("type", "boolean");
                case 8 -> v.put("const", "fixed");
                case 9 -> v.put("maxLength", 10).set("type", Api.object().arrayNode().add("string").add("null"));
                case 10 -> {
                    v.putArray("anyOf").add(Api.object().put("type", "integer").put("minimum", 0).put("maximum", 9))
                            .add(Api.object().put("type", "string").put("maxLength", 4));
                }
                case 11 -> v.put("type", "string").put("maxLength", 8);
                case 12, 13 -> {
                    v.put("type", "array").put("maxItems", 1 + r.nextInt(3)).put("minItems", r.nextInt(2));
                    v.set("items", value(r, depth + 1));
                }
                case 14 -> {
                    v.put("type", "array").put("minItems", 2);
                    v.putArray("prefixItems").add(Api.object().put("type", "integer").put("minimum", 0)
                            .put("maximum", 99)).add(Api.object().put("type", "boolean"));
                }
                default -> {
                    return object(r, depth);
                }
            }
            return v;
        }
    }
}
