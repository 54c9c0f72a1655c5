package dev.lantern.engine.constraint;

/**
 * The bounds that keep compiled grammars finite and small, and generated documents short enough for weak models
 * not to loop; each is documented in the package description.
 */
final class Limits {
    /** Nesting of rule calls: $ref targets, array items and free JSON values each add one level. */
    static final int MAX_CALL_DEPTH = 12;
    /** Digits of an integer part (so |integer| < 10^15, exactly representable as a double) and of a fraction. */
    static final int MAX_INTEGER_DIGITS = 15;
    static final int MAX_FRACTION_DIGITS = 15;
    static final int MAX_EXPONENT_DIGITS = 3;
    static final int MAX_NFA_STATES = 2_000_000;
    static final int MAX_DFA_NODES = 200_000;
    /** Array items that are copied into their array's automaton rather than called as a rule. */
    static final int MAX_INLINED_ITEMS = 3;

    private Limits() {
    }
}
