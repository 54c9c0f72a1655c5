package dev.lantern.engine.constraint;

/**
 * One return point of a persistent stack: where to continue once the called rule has matched. Stacks share their
 * tails, so forking a state (n choices, beams, alternatives) copies nothing.
 */
final class Frame {
    /** The bottom of a mask computation's stack: returning to it means leaving the rule the computation began in. */
    static final Frame BOTTOM = new Frame(-1, null);

    final int node;
    final Frame parent;
    private final int hash;

    Frame(int node, Frame parent) {
        this.node = node;
        this.parent = parent;
        this.hash = 31 * (parent == null ? 0 : parent.hash) + node;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Frame f && f.hash == hash && f.node == node && java.util.Objects.equals(parent, f.parent);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
