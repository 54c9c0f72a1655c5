package dev.lantern.app.identity;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The configured proxies ({@code lantern.ratelimit.trusted-proxies}: addresses or CIDR blocks, comma
 * separated) and the client address behind them: {@code X-Forwarded-For} is read from the right, skipping
 * trusted hops, and only when the connection itself comes from a trusted proxy; otherwise the header is
 * ignored, since anyone can send it. Literal addresses only: nothing here resolves a host name.
 */
public final class TrustedProxies {

    private final List<Block> blocks;

    public TrustedProxies(String configured) {
        List<Block> parsed = new ArrayList<>();
        for (String item : configured == null ? new String[0] : configured.split(",")) {
            if (!item.isBlank()) {
                parsed.add(Block.parse(item.trim()));
            }
        }
        this.blocks = List.copyOf(parsed);
    }

    /** The client's address for a connection from {@code remote} carrying {@code forwardedFor} (may be null). */
    public String clientAddress(String remote, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trusted(remote)) {
            return remote;
        }
        String[] hops = forwardedFor.split(",");
        String client = remote;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!isLiteral(hop)) {
                return client;
            }
            client = hop;
            if (!trusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    boolean trusted(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        for (Block block : blocks) {
            if (block.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /** An address in one spelling ({@code 0:0:0:0:0:0:0:1} for {@code ::1}), so that tiers and keys match. */
    public static String canonical(String address) {
        byte[] bytes = literal(address);
        try {
            return bytes == null ? address : InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static boolean isLiteral(String text) {
        return literal(text) != null;
    }

    /** The bytes of an IPv4 or IPv6 literal, or null for anything else (never a DNS lookup). */
    static byte[] literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45 || !text.matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        if (!text.contains(":") && !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Block(byte[] network, int prefix) {
        static Block parse(String text) {
            String[] parts = text.split("/", 2);
            byte[] address = literal(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("not an IP address or CIDR block: " + text);
            }
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
            return new Block(address, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = address.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .shiftRight(prefix).not().and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }
}
