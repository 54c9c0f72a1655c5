package dev.lantern.engine.constraint;

/**
 * GPT-2's byte-level alphabet: printable bytes stand for themselves, the other 68 are shifted to U+0100 and up
 * in byte order ({@code Ġ} is the space). Decoding a token's characters gives back its bytes.
 */
final class ByteLevelAlphabet {
    private ByteLevelAlphabet() {
    }

    static int[] unicodeToByte() {
        int[] map = new int[512];
        java.util.Arrays.fill(map, -1);
        int shifted = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = b >= '!' && b <= '~' || b >= 0xA1 && b <= 0xAC || b >= 0xAE;
            map[printable ? b : 256 + shifted++] = b;
        }
        return map;
    }

    /** The bytes a byte-level token stands for, or null when it has a character outside the alphabet. */
    static byte[] decode(String token, int[] unicodeToByte) {
        byte[] out = new byte[token.length()];
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c >= unicodeToByte.length || unicodeToByte[c] < 0) {
                return null;
            }
            out[i] = (byte) unicodeToByte[c];
        }
        return out;
    }
}
