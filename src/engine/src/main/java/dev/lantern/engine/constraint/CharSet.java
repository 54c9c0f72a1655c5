package dev.lantern.engine.constraint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An immutable set of Unicode code points as sorted, disjoint, non-adjacent ranges {lo0, hi0, lo1, hi1, ...}. */
final class CharSet {
    static final int MAX = 0x10FFFF;
    static final CharSet EMPTY = new CharSet(new int[0]);
    static final CharSet ANY = range(0, MAX);

    private final int[] ranges;

    private CharSet(int[] ranges) {
        this.ranges = ranges;
    }

    static CharSet of(int codePoint) {
        return range(codePoint, codePoint);
    }

    static CharSet range(int lo, int hi) {
        return new CharSet(new int[] {lo, hi});
    }

    static CharSet ofString(String chars) {
        CharSet s = EMPTY;
        for (int i = 0; i < chars.length(); ) {
            int c = chars.codePointAt(i);
            s = s.union(of(c));
            i += Character.charCount(c);
        }
        return s;
    }

    int rangeCount() {
        return ranges.length / 2;
    }

    int lo(int i) {
        return ranges[2 * i];
    }

    int hi(int i) {
        return ranges[2 * i + 1];
    }

    boolean isEmpty() {
        return ranges.length == 0;
    }

    boolean contains(int c) {
        for (int i = 0; i < ranges.length; i += 2) {
            if (c >= ranges[i] && c <= ranges[i + 1]) {
                return true;
            }
        }
        return false;
    }

    CharSet union(CharSet other) {
        int[] all = Arrays.copyOf(ranges, ranges.length + other.ranges.length);
        System.arraycopy(other.ranges, 0, all, ranges.length, other.ranges.length);
        return normalized(all);
    }

    CharSet complement() {
        List<Integer> out = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            if (ranges[i] > next) {
                out.add(next);
                out.add(ranges[i] - 1);
            }
            next = ranges[i + 1] + 1;
        }
        if (next <= MAX) {
            out.add(next);
            out.add(MAX);
        }
        return new CharSet(out.stream().mapToInt(Integer::intValue).toArray());
    }

    CharSet intersect(CharSet other) {
        return complement().union(other.complement()).complement();
    }

    CharSet minus(CharSet other) {
        return intersect(other.complement());
    }

    private static CharSet normalized(int[] pairs) {
        int n = pairs.length / 2;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((long) pairs[2 * i] << 32) | (pairs[2 * i + 1] & 0xFFFFFFFFL);
        }
        Arrays.sort(packed);
        List<Integer> out = new ArrayList<>();
        for (long p : packed) {
            int lo = (int) (p >>> 32);
            int hi = (int) p;
            int last = out.size() - 1;
            if (last > 0 && lo <= out.get(last) + 1) {
                out.set(last, Math.max(out.get(last), hi));
            } else {
                out.add(lo);
                out.add(hi);
            }
        }
        return new CharSet(out.stream().mapToInt(Integer::intValue).toArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CharSet c && Arrays.equals(ranges, c.ranges);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ranges);
    }
}
