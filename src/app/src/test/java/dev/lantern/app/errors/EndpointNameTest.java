package dev.lantern.app.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.container.ResourceInfo;
import org.junit.jupiter.api.Test;

/** Endpoint names are metric labels and statistics keys: a caller must not be able to mint new ones. */
class EndpointNameTest {

    @Test
    void methodsOutsideTheKnownSetShareOneLabel() {
        assertEquals("OTHER unmatched", EndpointName.of("ZZ1", (ResourceInfo) null));
        assertEquals("OTHER unmatched", EndpointName.of("ZZ2", (ResourceInfo) null));
        assertEquals("OTHER unmatched", EndpointName.of("get", (ResourceInfo) null), "methods are case-sensitive (RFC 9110)");
        assertEquals("OTHER unmatched", EndpointName.of(null, (ResourceInfo) null));
    }

    @Test
    void knownMethodsKeepTheirName() {
        for (String method : new String[] {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"}) {
            assertEquals(method + " unmatched", EndpointName.of(method, (ResourceInfo) null));
        }
    }
}
