package dev.lantern.it.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lantern.it.LanternServer;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddingsIT {

    private static final double[] HELLO_WORLD = {-0.0344773, 0.0310232, 0.0067349, 0.0261089, -0.0393620};

    @BeforeAll
    static void ready() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
    }

    @Test
    void helloWorldAsSentenceTransformersComputesIt() throws Exception {
        HttpResponse<String> response = Api.post("/v1/embeddings", Api.object().put("input", "hello world")
                .put("model", "all-minilm-l6-v2"));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = Api.json(response);
        assertEquals("list", body.path("object").asText());
        assertEquals("all-minilm-l6-v2", body.path("model").asText());
        JsonNode item = body.path("data").get(0);
        assertEquals("embedding", item.path("object").asText());
        JsonNode vector = item.path("embedding");
        assertEquals(384, vector.size());
        for (int i = 0; i < HELLO_WORLD.length; i++) {
            assertEquals(HELLO_WORLD[i], vector.get(i).asDouble(), 1e-5, "component " + i);
        }
        assertEquals(4, body.path("usage").path("prompt_tokens").asInt(), "[CLS] hello world [SEP]");
    }

    @Test
    void severalInputsInOrderAndBase64() throws Exception {
        ObjectNode body = Api.object().put("encoding_format", "base64");
        body.putArray("input").add("a cat").add("hello world");
        JsonNode data = Api.json(Api.post("/v1/embeddings", body)).path("data");
        assertEquals(2, data.size());
        assertEquals(1, data.get(1).path("index").asInt());
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(data.get(1).path("embedding").asText()))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(384 * 4, bytes.remaining());
        assertEquals(HELLO_WORLD[0], bytes.getFloat(0), 1e-5);
    }

    @Test
    void tooLongInputIsRefusedNotTruncated() throws Exception {
        HttpResponse<String> response = Api.post("/v1/embeddings", Api.object().put("input", "word ".repeat(400)));
        assertEquals(400, response.statusCode());
        JsonNode error = Api.json(response).path("error");
        assertEquals("TOKEN_LIMIT_EXCEEDED", error.path("code").asText());
        assertEquals("input", error.path("param").asText());
    }

    @Test
    void unknownModelAndBadInput() throws Exception {
        HttpResponse<String> unknown = Api.post("/v1/embeddings", Api.object().put("input", "x").put("model", "ada"));
        assertEquals(404, unknown.statusCode());
        assertEquals("MODEL_NOT_FOUND", Api.json(unknown).path("error").path("code").asText());
        HttpResponse<String> empty = Api.post("/v1/embeddings", Api.object().put("input", ""));
        assertEquals(400, empty.statusCode());
        assertEquals("input", Api.json(empty).path("error").path("param").asText());
        assertTrue(Api.json(empty).path("error").path("request_id").asText().length() > 8);
    }
}
