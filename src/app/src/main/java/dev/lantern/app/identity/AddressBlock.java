package dev.lantern.app.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The block of addresses one client is counted as: an IPv4 address alone, an IPv6 address by its /64 (the
 * smallest network a provider hands out: one client may use any of its 2^64 addresses, so counting single
 * addresses would let it escape every per-address limit). Anything that is not an address literal stays as it is.
 */
public final class AddressBlock {

    private static final int IPV6_PREFIX_BYTES = 8;

    private AddressBlock() {
    }

    /** {@code 2001:db8:1:2::/64} for any address of that /64; an IPv4 address unchanged. */
    public static String of(String address) {
        byte[] bytes = TrustedProxies.literal(address);
        if (bytes == null || bytes.length == 4) {
            return address;
        }
        byte[] network = Arrays.copyOf(Arrays.copyOf(bytes, IPV6_PREFIX_BYTES), 16);
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
