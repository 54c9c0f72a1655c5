package dev.lantern.engine.constraint;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON numbers as byte fragments: no leading zeros, no {@code -0}, integer parts of at most
 * {@link Limits#MAX_INTEGER_DIGITS} digits, and integer ranges written digit by digit (the classic range-to-regex
 * construction), so that {@code minimum}/{@code maximum} are exact.
 */
final class NumberSyntax {
    static final long LARGEST = pow10(Limits.MAX_INTEGER_DIGITS) - 1;

    private final Nfa nfa;

    NumberSyntax(Nfa nfa) {
        this.nfa = nfa;
    }

    /** The integers in [min, max], either bound null for none. */
    Nfa.Fragment integer(Long min, Long max) {
        long lo = min == null ? -LARGEST : Math.max(min, -LARGEST);
        long hi = max == null ? LARGEST : Math.min(max, LARGEST);
        List<Nfa.Fragment> parts = new ArrayList<>();
        if (lo < 0 && hi < 0) {
            parts.add(negative(-hi, -lo));
        } else if (lo < 0) {
            parts.add(negative(1, -lo));
            parts.add(natural(0, hi));
        } else if (lo <= hi) {
            parts.add(natural(lo, hi));
        }
        return parts.isEmpty() ? nfa.nothing() : nfa.choice(parts);
    }

    /**
     * The numbers in [min, max] (integral bounds, either null for none): the integers of the range, and the
     * non-integers strictly inside it written without exponent; unbounded numbers may also take an exponent.
     */
    Nfa.Fragment number(Long min, Long max) {
        if (min == null && max == null) {
            Nfa.Fragment mantissa = nfa.sequence(integer(null, null), nfa.optional(fraction()));
            Nfa.Fragment exponent = nfa.sequence(charClass("eE"), nfa.optional(charClass("+-")),
                    digits(1, Limits.MAX_EXPONENT_DIGITS));
            return nfa.sequence(mantissa, nfa.optional(exponent));
        }
        long lo = min == null ? -LARGEST : Math.max(min, -LARGEST);
        long hi = max == null ? LARGEST : Math.min(max, LARGEST);
        List<Nfa.Fragment> parts = new ArrayList<>();
        parts.add(integer(min, max));
        // k.f with 0 < f < 1 lies in (lo, hi) exactly when lo <= k <= hi - 1
        if (Math.max(lo, 0) <= hi - 1) {
            parts.add(nfa.sequence(natural(Math.max(lo, 0), hi - 1), nonZeroFraction()));
        }
        // -(k.f) lies in (lo, hi) exactly when -hi <= k <= -lo - 1
        if (Math.max(-hi, 0) <= -lo - 1) {
            parts.add(nfa.sequence(literal("-"), natural(Math.max(-hi, 0), -lo - 1), nonZeroFraction()));
        }
        return nfa.choice(parts);
    }

    private Nfa.Fragment fraction() {
        return nfa.sequence(literal("."), digits(1, Limits.MAX_FRACTION_DIGITS));
    }

    /** A fraction with a non-zero last digit, so that the number is not an integer. */
    private Nfa.Fragment nonZeroFraction() {
        return nfa.sequence(literal("."), digits(0, Limits.MAX_FRACTION_DIGITS - 1), range('1', '9'));
    }

    private Nfa.Fragment negative(long absLo, long absHi) {
        return nfa.sequence(literal("-"), natural(absLo, absHi));
    }

    /** Non-negative integers in [lo, hi] without leading zeros. */
    Nfa.Fragment natural(long lo, long hi) {
        List<Nfa.Fragment> byLength = new ArrayList<>();
        for (int length = digitCount(lo); length <= digitCount(hi); length++) {
            long from = Math.max(lo, length == 1 ? 0 : pow10(length - 1));
            long to = Math.min(hi, pow10(length) - 1);
            if (from <= to) {
                byLength.add(sameLength(pad(from, length), pad(to, length)));
            }
        }
        return byLength.isEmpty() ? nfa.nothing() : nfa.choice(byLength);
    }

    /** Digit strings of equal length between lo and hi. */
    private Nfa.Fragment sameLength(String lo, String hi) {
        if (lo.isEmpty()) {
            return nfa.empty();
        }
        if (lo.chars().allMatch(c -> c == '0') && hi.chars().allMatch(c -> c == '9')) {
            return digits(lo.length(), lo.length());
        }
        char a = lo.charAt(0);
        char b = hi.charAt(0);
        String restLo = lo.substring(1);
        String restHi = hi.substring(1);
        if (a == b) {
            return nfa.sequence(literal(String.valueOf(a)), sameLength(restLo, restHi));
        }
        String nines = "9".repeat(restLo.length());
        String zeros = "0".repeat(restLo.length());
        List<Nfa.Fragment> parts = new ArrayList<>();
        parts.add(nfa.sequence(literal(String.valueOf(a)), sameLength(restLo, nines)));
        if (a + 1 <= b - 1) {
            parts.add(nfa.sequence(range((char) (a + 1), (char) (b - 1)), digits(restLo.length(), restLo.length())));
        }
        parts.add(nfa.sequence(literal(String.valueOf(b)), sameLength(zeros, restHi)));
        return nfa.choice(parts);
    }

    private Nfa.Fragment digits(int min, int max) {
        List<Nfa.Fragment> parts = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            Nfa.Fragment d = range('0', '9');
            parts.add(i < min ? d : nfa.optional(d));
        }
        return nfa.sequence(parts.toArray(Nfa.Fragment[]::new));
    }

    private Nfa.Fragment range(char lo, char hi) {
        Nfa.Fragment f = new Nfa.Fragment(nfa.newState(), nfa.newState());
        nfa.symbols(f.entry(), lo, hi, f.exit());
        return f;
    }

    private Nfa.Fragment charClass(String chars) {
        Nfa.Fragment f = new Nfa.Fragment(nfa.newState(), nfa.newState());
        for (char c : chars.toCharArray()) {
            nfa.symbols(f.entry(), c, c, f.exit());
        }
        return f;
    }

    private Nfa.Fragment literal(String ascii) {
        return nfa.literal(ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static String pad(long v, int length) {
        String s = Long.toString(v);
        return "0".repeat(length - s.length()) + s;
    }

    private static int digitCount(long v) {
        return Long.toString(v).length();
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
