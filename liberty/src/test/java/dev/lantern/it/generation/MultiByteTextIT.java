package dev.lantern.it.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lantern.it.LanternServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Text whose characters take several tokens. The demo model answers a prompt of Chinese words in Chinese (its
 * documentation corpus has translations), and its byte-level tokenizer writes many CJK characters as two or three
 * tokens of bytes; such a character must reach a
 * stream whole, in one event, and a stop string made of it must still stop the answer although no single token
 * holds it.
 */
class MultiByteTextIT {

    private static final char REPLACEMENT = '\uFFFD';
    private static ObjectNode request;
    private static String whole;
    private static String split;

    @BeforeAll
    static void answerAndFindACharacterSplitAcrossTokens() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
        request = Api.chat("設備 設備 設備 設備").put("temperature", 0).put("max_tokens", 40);
        whole = content(ok(request));
        JsonNode tokens = ok(request.deepCopy().put("logprobs", true)).path("choices").get(0).path("logprobs")
                .path("content");
        // a token that alone decodes to U+FFFD holds part of a character only: the character starting there
        int at = 0;
        for (JsonNode token : tokens) {
            String text = token.path("token").asText();
            if (text.indexOf(REPLACEMENT) >= 0) {
                at += text.indexOf(REPLACEMENT);
                split = new String(Character.toChars(whole.codePointAt(at)));
                break;
            }
            at += text.length();
        }
        assertTrue(split != null && split.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= 3,
                "the answer has a character split across tokens: " + whole);
    }

    private static JsonNode ok(ObjectNode body) throws Exception {
        HttpResponse<String> response = Api.post("/v1/chat/completions", body);
        assertEquals(200, response.statusCode(), response.body());
        return Api.json(response);
    }

    private static String content(JsonNode answer) {
        return answer.path("choices").get(0).path("message").path("content").asText();
    }

    @Test
    void aStreamNeverSplitsACharacterAcrossEvents() throws Exception {
        Api.Events events = Api.stream("/v1/chat/completions", request.deepCopy().put("stream", true));
        assertTrue(events.done());
        assertEquals(whole, events.text("content"), "the events add up to the answer");
        assertTrue(whole.contains(split));
        int cut = whole.indexOf(REPLACEMENT); // only a length-cut answer may end inside a character
        for (JsonNode event : events.data()) {
            String piece = event.path("choices").path(0).path("delta").path("content").asText("");
            assertFalse(piece.indexOf(REPLACEMENT) >= 0 && cut < 0, "a piece of a character was sent: " + piece);
            for (int i = 0; i < piece.length(); i++) {
                char c = piece.charAt(i);
                assertFalse(Character.isHighSurrogate(c) && (i + 1 == piece.length()
                        || !Character.isLowSurrogate(piece.charAt(i + 1))), "half a surrogate pair: " + piece);
            }
        }
    }

    @Test
    void aStopStringThatNoTokenHoldsStillStops() throws Exception {
        String expected = whole.substring(0, whole.indexOf(split));
        JsonNode stopped = ok(request.deepCopy().put("stop", split)).path("choices").get(0);
        assertEquals("stop", stopped.path("finish_reason").asText());
        assertEquals(expected, stopped.path("message").path("content").asText());
        Api.Events events = Api.stream("/v1/chat/completions", request.deepCopy().put("stream", true).put("stop", split));
        assertEquals(expected, events.text("content"), "streamed too, nothing of the stop string sent");
    }
}
