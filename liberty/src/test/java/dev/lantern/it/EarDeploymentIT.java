package dev.lantern.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The EAR, deployed to its own Liberty server (lantern-ear, embedded defaults), becomes ready. */
class EarDeploymentIT {

    @Test
    void earIsReady() throws Exception {
        String base = LanternServer.earUrl();
        LanternServer.awaitReady(base, Duration.ofMinutes(3));
        HttpResponse<String> ready = LanternServer.client().send(
                HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode());
        assertEquals("H2", LanternServer.JSON.readTree(ready.body()).path("checks").findValue("product").asText());
    }
}
