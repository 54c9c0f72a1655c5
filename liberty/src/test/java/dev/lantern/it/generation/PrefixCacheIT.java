package dev.lantern.it.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lantern.it.LanternServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The prefix cache under its default scope (user), read from the metrics: a user's second question after the same
 * long system prompt starts from the cached prefix, another user's identical first question does not.
 */
class PrefixCacheIT {
    private static final String MODEL = "model=\"docs-llama-8m\"";
    private static final String QUERIES = "lantern_prefix_cache_queries_total";
    private static final String HITS = "lantern_prefix_cache_hits_total";
    private static final String SYSTEM = ("You answer questions about the Linux kernel. The kernel manages memory in "
            + "pages, schedules processes on the processors, and offers system calls through which programs open "
            + "files, create processes and talk over sockets. Keep every answer short and exact. ").repeat(4);

    @BeforeAll
    static void ready() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
    }

    private static ObjectNode chat(String question) {
        ObjectNode body = Api.object().put("temperature", 0).put("max_tokens", 2);
        var messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM);
        messages.addObject().put("role", "user").put("content", question);
        return body;
    }

    /** Asks as {@code token} (never answered from the response cache) and returns the prompt tokens. */
    private static int ask(String token, String question) throws Exception {
        double queried = Metrics.value(QUERIES, MODEL);
        HttpResponse<String> response = LanternServer.client().send(Api.request("/v1/chat/completions")
                .setHeader("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(LanternServer.JSON.writeValueAsString(chat(question))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        int prompt = Api.json(response).path("usage").path("prompt_tokens").asInt();
        assertTrue(Metrics.await(QUERIES, MODEL, queried + prompt, Duration.ofSeconds(10)),
                "the request's prompt tokens were counted as looked up");
        return prompt;
    }

    @Test
    void anotherUserDoesNotHitAUsersPrefixButTheUserDoes() throws Exception {
        String alice = TestUsers.newUserToken("user");
        String bob = TestUsers.newUserToken("user");
        double hits = Metrics.value(HITS, MODEL);
        int prompt = ask(alice, "What is a page?");
        assertTrue(prompt > 200, "a long system prompt: " + prompt + " tokens");
        assertEquals(hits, Metrics.value(HITS, MODEL), "nothing of a new user's prompt was cached");

        ask(bob, "What is a page?");
        assertEquals(hits, Metrics.value(HITS, MODEL), "user B's identical prompt did not hit user A's prefix");

        ask(alice, "What is a socket?");
        double reused = Metrics.value(HITS, MODEL) - hits;
        assertTrue(reused >= 192 && reused < prompt, "user A's second question reused the system prompt: " + reused
                + " of " + prompt + " tokens");
    }
}
