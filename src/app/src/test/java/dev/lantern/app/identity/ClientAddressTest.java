package dev.lantern.app.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client address of a request behind a trusted proxy that appends its own {@code X-Forwarded-For} line
 * rather than extending the client's: every line counts, in order, or a client picks its address.
 */
class ClientAddressTest {

    private final ClientAddress addresses = new ClientAddress(java.util.Optional.of("127.0.0.1"));

    @Test
    void everyForwardedForLineIsReadAndTheRightmostUntrustedHopWins() {
        assertEquals("198.51.100.7", addresses.of(request("127.0.0.1", "6.6.6.6", "198.51.100.7")));
        assertEquals("198.51.100.7", addresses.of(request("127.0.0.1", "6.6.6.6, 1.2.3.4", "198.51.100.7")));
    }

    @Test
    void oneLineStillWorks() {
        assertEquals("198.51.100.7", addresses.of(request("127.0.0.1", "6.6.6.6, 198.51.100.7")));
        assertEquals("203.0.113.5", addresses.of(request("203.0.113.5", "198.51.100.7")), "untrusted peer");
        assertEquals("127.0.0.1", addresses.of(request("127.0.0.1")), "no header");
    }

    /** A request from {@code remote} carrying one X-Forwarded-For header line per value. */
    static HttpServletRequest request(String remote, String... forwardedFor) {
        return (HttpServletRequest) Proxy.newProxyInstance(ClientAddressTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> remote;
                    case "getHeader" -> "X-Forwarded-For".equalsIgnoreCase((String) args[0]) && forwardedFor.length > 0
                            ? forwardedFor[0] : null;
                    case "getHeaders" -> Collections.enumeration("X-Forwarded-For".equalsIgnoreCase((String) args[0])
                            ? List.of(forwardedFor) : List.<String>of());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
