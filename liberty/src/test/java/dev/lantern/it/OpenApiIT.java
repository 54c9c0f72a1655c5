package dev.lantern.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class OpenApiIT {

    @Test
    void openApiDocumentDescribesLanternWithBearerSecurity() throws Exception {
        HttpResponse<String> response = LanternServer.client().send(
                HttpRequest.newBuilder(URI.create(LanternServer.baseUrl() + "/openapi?format=JSON")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        var document = LanternServer.json(response);
        assertTrue(document.path("openapi").asText().startsWith("3."), "OpenAPI 3 document");
        assertEquals("Lantern", document.path("info").path("title").asText());
        assertEquals("bearer",
                document.path("components").path("securitySchemes").path("bearer").path("scheme").asText());
    }

    @Test
    void openApiUiIsServed() throws Exception {
        HttpResponse<String> response = LanternServer.get("/openapi/ui/");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().toLowerCase().contains("<html"), "an HTML page");
    }
}
