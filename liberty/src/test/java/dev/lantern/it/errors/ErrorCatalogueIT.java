package dev.lantern.it.errors;

import static dev.lantern.it.errors.ErrorBodies.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.it.LanternServer;
import dev.lantern.it.auth.AuthClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Errors the JAX-RS runtime and the container raise, caused for real, answered in the catalogue's words. */
class ErrorCatalogueIT {

    @BeforeAll
    static void ready() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return LanternServer.client().send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create(LanternServer.baseUrl() + path));
    }

    @Test
    void unknownPathIsNotFound() throws Exception {
        assertError(send(at("/no/such/path").GET()), 404, "NOT_FOUND");
    }

    @Test
    void wrongMethodIsMethodNotAllowedWithAllow() throws Exception {
        HttpResponse<String> response = send(at("/stats/errors").DELETE());
        assertError(response, 405, "METHOD_NOT_ALLOWED");
        assertTrue(response.headers().firstValue("Allow").orElse("").contains("GET"), "Allow names GET");
    }

    @Test
    void aSafeCallerRequestIdIsKeptAndAnUnsafeOneReplaced() throws Exception {
        HttpResponse<String> kept = send(at("/no/such/path").header("X-Request-Id", "trace-12345678").GET());
        assertEquals("trace-12345678", kept.headers().firstValue("Lantern-Request-Id").orElse(""));
        HttpResponse<String> replaced = send(at("/no/such/path").header("X-Request-Id", "bad id <script>").GET());
        assertTrue(replaced.headers().firstValue("Lantern-Request-Id").orElse("").startsWith("req_"));
    }

    /** JAX-RS alone answers an unconvertible int query parameter 404 and reads any text but "true" as false. */
    @Test
    void queryParametersOfTheWrongShapeAre400NamingThem() throws Exception {
        String admin = AuthClient.adminToken();
        for (String hours : new String[] {"abc", "99999999999", "0", "745"}) {
            HttpResponse<String> refused = AuthClient.get("/stats/errors?hours=" + hours, admin);
            assertEquals("hours", assertError(refused, 400, "VALIDATION_ERROR").path("param").asText(), hours);
        }
        assertEquals(200, AuthClient.get("/stats/errors?hours=744", admin).statusCode());
        HttpResponse<String> refused = AuthClient.get("/v1/documents?all=yes", admin);
        assertEquals("all", assertError(refused, 400, "VALIDATION_ERROR").path("param").asText());
        assertEquals(200, AuthClient.get("/v1/documents?all=true", admin).statusCode());
    }

    /**
     * A method is a label of lantern_errors_total, a key of the error statistics and (Liberty's own)
     * http_server_request_duration_seconds: made-up methods must not add series or rows without bound.
     */
    @Test
    void madeUpMethodsAddNoMetricSeriesNorStatisticsKeys() throws Exception {
        String[] methods = {"ZZ" + System.nanoTime(), "ZZ" + (System.nanoTime() + 1)};
        for (String method : methods) {
            assertError(send(at("/nope").method(method, HttpRequest.BodyPublishers.noBody())), 404, "NOT_FOUND");
            send(at("/health/nope").method(method, HttpRequest.BodyPublishers.noBody()));
        }
        String metrics = LanternServer.get("/metrics").body();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("lantern_errors_total{")
                && l.contains("endpoint=\"OTHER unmatched\"")), "one label for every other method");
        Thread.sleep(2500); // the statistics are written every two seconds
        String statistics = AuthClient.get("/stats/errors", AuthClient.adminToken()).body();
        for (String method : methods) {
            assertTrue(!metrics.contains(method), method + " in the metrics");
            assertTrue(!statistics.contains(method), method + " in the statistics: " + statistics);
        }
    }

    /**
     * An unknown path under one of Liberty's own web modules (health) is answered by the container's error
     * page, outside the application: a JSON error body there too, and no internal exception names.
     */
    @Test
    void unknownPathsOfLibertysHealthModuleAnswerAJsonErrorBody() throws Exception {
        for (String path : new String[] {"/health/nope", "/health/live/deeper"}) {
            HttpResponse<String> response = send(at(path).GET());
            assertEquals(404, response.statusCode(), path);
            assertTrue(!response.headers().firstValue("Content-Type").orElse("").contains("html"),
                    path + ": " + response.headers().map());
            assertEquals("NOT_FOUND", LanternServer.json(response).path("error").path("code").asText(),
                    path + ": " + response.body());
            assertTrue(!response.body().contains("Exception") && !response.body().contains("SRVE"), response.body());
        }
    }

    @Test
    void errorsAreCountedInMetricsByCodeAndEndpoint() throws Exception {
        send(at("/no/such/path/for/metrics").GET());
        String metrics = LanternServer.get("/metrics?scope=application").body();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("lantern_errors_total{")
                && l.contains("code=\"NOT_FOUND\"") && l.contains("endpoint=\"GET unmatched\"")), metrics);
    }
}
