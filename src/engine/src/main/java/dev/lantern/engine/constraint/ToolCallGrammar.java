package dev.lantern.engine.constraint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Grammars for {@code tools}: a call of one of the offered functions, its arguments valid against the function's
 * parameters schema, in the model's {@link ToolCallFormat}. {@link #required} constrains the whole answer
 * ({@code tool_choice: "required"}, or a named function offered alone); {@link #lazy} leaves text free until the
 * format's trigger appears and constrains the calls from there on ({@code tool_choice: "auto"}, llama.cpp's "lazy
 * grammar"). After the last call only end-of-sequence may follow.
 */
public final class ToolCallGrammar {
    private ToolCallGrammar() {
    }

    /** @throws UnsupportedSchemaException for a parameters schema, its path under {@code tools[i].function.parameters} */
    public static Grammar required(List<ToolFunction> functions, ToolCallFormat format, boolean parallel) {
        GrammarBuilder b = new GrammarBuilder();
        b.define(0, b.nfa.sequence(startToken(b, format), head(b, format, 0), calls(b, functions, format, parallel)));
        return b.build();
    }

    /** Free text (which may end there) until the trigger, then {@link #required}'s calls. */
    public static Grammar lazy(List<ToolFunction> functions, ToolCallFormat format, boolean parallel) {
        GrammarBuilder b = new GrammarBuilder();
        Nfa nfa = b.nfa;
        Nfa.Fragment rest;
        Nfa.Fragment free;
        if (format.trigger() != null) {
            rest = nfa.sequence(head(b, format, format.trigger().length()), calls(b, functions, format, parallel));
            free = textUntil(nfa, format.trigger().getBytes(StandardCharsets.UTF_8), rest.entry());
        } else {
            rest = nfa.sequence(head(b, format, 0), calls(b, functions, format, parallel));
            int loop = nfa.newState();
            nfa.symbols(loop, 0, 255, loop);
            nfa.symbols(loop, b.specialTokenSymbol(format.startToken()), b.specialTokenSymbol(format.startToken()),
                    rest.entry());
            free = new Nfa.Fragment(loop, loop);
        }
        int end = nfa.newState();
        nfa.epsilon(free.exit(), end);
        nfa.epsilon(rest.exit(), end);
        b.define(0, new Nfa.Fragment(free.entry(), end));
        return b.build();
    }

    private static Nfa.Fragment startToken(GrammarBuilder b, ToolCallFormat format) {
        return format.startToken() >= 0 ? b.nfa.symbol(b.specialTokenSymbol(format.startToken())) : b.nfa.empty();
    }

    /** The fixed text every call list starts with, from byte {@code from} on (what a trigger already wrote). */
    private static Nfa.Fragment head(GrammarBuilder b, ToolCallFormat format, int from) {
        byte[] head = (format.listOpen() + format.callOpen() + "{\"" + format.nameKey() + "\": ")
                .getBytes(StandardCharsets.UTF_8);
        return b.nfa.literal(java.util.Arrays.copyOfRange(head, Math.min(from, head.length), head.length));
    }

    /** The first call's name and arguments, then more calls when parallel, then the list's end. */
    private static Nfa.Fragment calls(GrammarBuilder b, List<ToolFunction> functions, ToolCallFormat format,
                                      boolean parallel) {
        if (functions.isEmpty()) {
            throw new UnsupportedSchemaException("tools", "no function is offered");
        }
        Nfa nfa = b.nfa;
        Nfa.Fragment first = callBody(b, functions, format);
        Nfa.Fragment close = text(nfa, "}" + format.callClose());
        nfa.epsilon(first.exit(), close.entry());
        int afterCall = close.exit();
        if (parallel && format.separator() != null) {
            Nfa.Fragment again = text(nfa, format.separator() + format.callOpen() + "{\"" + format.nameKey() + "\": ");
            nfa.epsilon(afterCall, again.entry());
            nfa.epsilon(again.exit(), first.entry());
        }
        Nfa.Fragment end = text(nfa, format.listClose());
        nfa.epsilon(afterCall, end.entry());
        return new Nfa.Fragment(first.entry(), end.exit());
    }

    /** {@code "name", "arguments": {...}} for each function, as alternatives. */
    private static Nfa.Fragment callBody(GrammarBuilder b, List<ToolFunction> functions, ToolCallFormat format) {
        List<Nfa.Fragment> alternatives = new ArrayList<>();
        for (int i = 0; i < functions.size(); i++) {
            ToolFunction f = functions.get(i);
            var parameters = f.parameters() != null ? f.parameters()
                    : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("type", "object");
            Nfa.Fragment arguments;
            try {
                arguments = new SchemaCompiler(b, parameters, JsonLayout.SPACED).document(0);
            } catch (UnsupportedSchemaException e) {
                throw e.under("tools[" + i + "].function.parameters");
            }
            alternatives.add(b.nfa.sequence(text(b.nfa, JsonText.quote(f.name()) + ", \"" + format.argumentsKey()
                    + "\": "), arguments));
        }
        return b.nfa.choice(alternatives);
    }

    /** Any bytes not containing {@code trigger} (each state may end the text); completing it moves to {@code then}. */
    private static Nfa.Fragment textUntil(Nfa nfa, byte[] trigger, int then) {
        int m = trigger.length;
        int[] states = new int[m];
        for (int q = 0; q < m; q++) {
            states[q] = nfa.newState();
        }
        int exit = nfa.newState();
        for (int q = 0; q < m; q++) {
            nfa.epsilon(states[q], exit);
            int runStart = 0;
            int runTarget = next(trigger, q, 0);
            for (int c = 1; c <= 256; c++) {
                int target = c < 256 ? next(trigger, q, c) : -2;
                if (target != runTarget) {
                    nfa.symbols(states[q], runStart, c - 1, runTarget == m ? then : states[runTarget]);
                    runStart = c;
                    runTarget = target;
                }
            }
        }
        return new Nfa.Fragment(states[0], exit);
    }

    /** The length of the longest prefix of {@code p} that ends the text {@code p[0..q) + c} (Knuth-Morris-Pratt). */
    private static int next(byte[] p, int q, int c) {
        byte[] text = java.util.Arrays.copyOf(p, q + 1);
        text[q] = (byte) c;
        for (int k = Math.min(q + 1, p.length); k > 0; k--) {
            if (java.util.Arrays.equals(text, q + 1 - k, q + 1, p, 0, k)) {
                return k;
            }
        }
        return 0;
    }

    private static Nfa.Fragment text(Nfa nfa, String s) {
        return nfa.literal(s.getBytes(StandardCharsets.UTF_8));
    }
}
