package dev.lantern.engine.template;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a template loops over a message's content, the test vLLM's OpenAI server uses to decide how to give a
 * template the messages' content ({@code _detect_content_format}: such a template gets content as a list of parts,
 * any other as one string). Read from the syntax tree, as vLLM reads jinja2's: the names that hold
 * {@code messages} (directly, sliced, filtered, or through {@code set} assignments), the targets of loops over
 * them, and a loop over one of those targets' {@code content} (item or attribute), or over a name
 * {@code content}.
 */
final class MessageContentLoops {
    private final List<Stmt.For> loops = new ArrayList<>();
    private final List<Stmt.Set> assignments = new ArrayList<>();

    private MessageContentLoops(Stmt body) {
        collect(body);
    }

    static boolean present(Stmt body) {
        return new MessageContentLoops(body).loopsOverContent();
    }

    private boolean loopsOverContent() {
        Set<String> messageItems = new LinkedHashSet<>();
        for (String messages : namesHolding("messages")) {
            for (Stmt.For loop : loops) {
                if (loop.target().name() != null && reads(loop.iterable(), messages, null)) {
                    messageItems.add(loop.target().name());
                }
            }
        }
        for (Stmt.For loop : loops) {
            if (loop.iterable() instanceof Expr.Name name && name.name().equals("content")) {
                return true;
            }
            for (String message : messageItems) {
                if (reads(loop.iterable(), message, "content")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code variable} and every name assigned from it, or from a name assigned from it, and so on. */
    private Set<String> namesHolding(String variable) {
        Set<String> names = new LinkedHashSet<>(List.of(variable));
        Deque<String> pending = new ArrayDeque<>(names);
        while (!pending.isEmpty()) {
            String source = pending.poll();
            for (Stmt.Set set : assignments) {
                String target = set.target().name();
                if (target != null && reads(set.value(), source, null) && names.add(target)) {
                    pending.add(target);
                }
            }
        }
        return names;
    }

    /** {@code variable} (or its {@code key}) as read through filters, tests and slices, as vLLM matches it. */
    private static boolean reads(Expr e, String variable, String key) {
        if (e instanceof Expr.Filter f) {
            return f.value() != null && reads(f.value(), variable, key);
        }
        if (e instanceof Expr.Test t) {
            return reads(t.value(), variable, key);
        }
        if (e instanceof Expr.Slice s) {
            return reads(s.owner(), variable, key);
        }
        if (key == null) {
            return isName(e, variable);
        }
        if (e instanceof Expr.Item item) {
            return isName(item.owner(), variable) && item.key() instanceof Expr.Const c && key.equals(c.value());
        }
        return e instanceof Expr.Attribute a && isName(a.owner(), variable) && a.name().equals(key);
    }

    private static boolean isName(Expr e, String variable) {
        return e instanceof Expr.Name n && n.name().equals(variable);
    }

    /** Every loop and assignment of the tree, wherever it is nested (null: nothing). */
    private void collect(Stmt s) {
        if (s instanceof Stmt.Body b) {
            b.statements().forEach(this::collect);
        } else if (s instanceof Stmt.If i) {
            i.bodies().forEach(this::collect);
            collect(i.otherwise());
        } else if (s instanceof Stmt.For f) {
            loops.add(f);
            collect(f.body());
            collect(f.otherwise());
        } else if (s instanceof Stmt.Set set) {
            assignments.add(set);
        } else if (s instanceof Stmt.SetBlock b) {
            collect(b.body());
        } else if (s instanceof Stmt.FilterBlock b) {
            collect(b.body());
        } else if (s instanceof Stmt.MacroDefinition m) {
            collect(m.body());
        } else if (s instanceof Stmt.CallBlock c) {
            collect(c.body());
        } else if (s instanceof Stmt.With w) {
            collect(w.body());
        }
    }
}
