package dev.lantern.engine.constraint;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Every token's bytes in one prefix tree, stored flat in depth-first order so that a walk is a loop over arrays:
 * node i (0 is the root) is entered by byte {@code symbol[i]} at depth {@code depth[i]}, its subtree ends before
 * {@code end[i]}, and the tokens spelled exactly by its path are {@code tokens[tokenStart[i] .. tokenStart[i+1])}.
 * Tokens sharing a prefix are matched once for the prefix; a dead prefix skips its subtree in one jump.
 */
final class TokenTrie {
    final int[] symbol;
    final int[] depth;
    final int[] end;
    final int[] tokenStart;
    final int[] tokens;
    final int vocabularySize;
    final int maxDepth;

    private TokenTrie(int[] symbol, int[] depth, int[] end, int[] tokenStart, int[] tokens, int vocabularySize) {
        this.symbol = symbol;
        this.depth = depth;
        this.end = end;
        this.tokenStart = tokenStart;
        this.tokens = tokens;
        this.vocabularySize = vocabularySize;
        this.maxDepth = Arrays.stream(depth).max().orElse(0);
    }

    static TokenTrie of(byte[][] bytes) {
        Integer[] ids = IntStream.range(0, bytes.length).filter(i -> bytes[i] != null && bytes[i].length > 0)
                .boxed().toArray(Integer[]::new);
        Arrays.sort(ids, (a, b) -> Arrays.compareUnsigned(bytes[a], bytes[b]));
        int capacity = 1 + Arrays.stream(ids).mapToInt(i -> bytes[i].length).sum();
        int[] symbol = new int[capacity];
        int[] depth = new int[capacity];
        int[] end = new int[capacity];
        int[] tokenNode = new int[ids.length];
        int[] path = new int[1 + Arrays.stream(ids).mapToInt(i -> bytes[i].length).max().orElse(0)];
        symbol[0] = -1;
        int size = 1;
        int pathLength = 1; // path[0] = root
        byte[] previous = new byte[0];
        for (int k = 0; k < ids.length; k++) {
            byte[] b = bytes[ids[k]];
            int common = Arrays.mismatch(previous, b);
            common = common < 0 ? b.length : Math.min(common, Math.min(previous.length, b.length));
            while (pathLength > common + 1) {
                end[path[--pathLength]] = size;
            }
            for (int d = common; d < b.length; d++) {
                symbol[size] = b[d] & 0xFF;
                depth[size] = d + 1;
                path[pathLength++] = size++;
            }
            tokenNode[k] = path[b.length];
            previous = b;
        }
        while (pathLength > 0) {
            end[path[--pathLength]] = size;
        }
        int[] tokenStart = new int[size + 1];
        for (int node : tokenNode) {
            tokenStart[node + 1]++;
        }
        for (int i = 0; i < size; i++) {
            tokenStart[i + 1] += tokenStart[i];
        }
        int[] tokens = new int[ids.length];
        for (int k = 0; k < ids.length; k++) {
            tokens[k] = ids[k]; // tokens arrive in node order, so their positions already match tokenStart
        }
        return new TokenTrie(Arrays.copyOf(symbol, size), Arrays.copyOf(depth, size), Arrays.copyOf(end, size),
                tokenStart, tokens, bytes.length);
    }

    int size() {
        return symbol.length;
    }
}
