package dev.lantern.app.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = new TrustedProxies("10.0.0.0/8, 192.168.1.1, ::1");

    @Test
    void forwardedForIsIgnoredFromAnUntrustedPeer() {
        assertEquals("203.0.113.9", proxies.clientAddress("203.0.113.9", "198.51.100.1"));
    }

    @Test
    void theRightmostUntrustedHopIsTheClient() {
        assertEquals("198.51.100.7", proxies.clientAddress("10.1.2.3", "1.2.3.4, 198.51.100.7, 10.9.9.9"));
        assertEquals("198.51.100.7", proxies.clientAddress("::1", "198.51.100.7"));
    }

    @Test
    void garbageInTheHeaderStopsTheWalk() {
        assertEquals("10.1.2.3", proxies.clientAddress("10.1.2.3", "evil.example.com"));
        assertEquals("198.51.100.7", proxies.clientAddress("10.1.2.3", "not-an-ip, 198.51.100.7"));
    }

    @Test
    void noProxiesConfiguredMeansThePeer() {
        assertEquals("10.1.2.3", new TrustedProxies(" ").clientAddress("10.1.2.3", "198.51.100.7"));
    }

    @Test
    void addressesHaveOneSpelling() {
        assertEquals("0:0:0:0:0:0:0:1", TrustedProxies.canonical("::1"));
        assertEquals("127.0.0.1", TrustedProxies.canonical("127.0.0.1"));
    }
}
