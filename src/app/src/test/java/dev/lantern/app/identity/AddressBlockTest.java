package dev.lantern.app.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AddressBlockTest {

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        assertEquals("2001:db8:1:2:0:0:0:0/64", AddressBlock.of("2001:db8:1:2::1"));
        assertEquals("2001:db8:1:2:0:0:0:0/64", AddressBlock.of("2001:0db8:0001:0002:abcd:1234:5678:9abc"));
        assertEquals("2001:db8:1:3:0:0:0:0/64", AddressBlock.of("2001:db8:1:3::1"));
    }

    @Test
    void anIpv4AddressIsItselfAndAnythingElseIsLeftAlone() {
        assertEquals("198.51.100.7", AddressBlock.of("198.51.100.7"));
        assertEquals("unknown", AddressBlock.of("unknown"));
        assertEquals(null, AddressBlock.of(null));
    }
}
