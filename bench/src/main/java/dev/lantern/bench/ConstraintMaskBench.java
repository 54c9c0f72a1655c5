package dev.lantern.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lantern.engine.constraint.Grammar;
import dev.lantern.engine.constraint.JsonLayout;
import dev.lantern.engine.constraint.JsonSchemaGrammar;
import dev.lantern.engine.constraint.TokenConstraint;
import dev.lantern.engine.constraint.TokenMatcher;
import dev.lantern.engine.constraint.TokenVocabulary;
import dev.lantern.engine.tokenizer.TextTokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The cost of one token mask with a large real vocabulary (Qwen3's 151,936 tokens): documents valid for a few
 * schemas are tokenized as the model would write them, and the matcher computes the mask before every token. The
 * first pass over a fresh constraint fills the per-node caches (cold); later passes are the steady state a server
 * reaches once a schema has been used (warm). Prints p50/p99/max in microseconds and the ratio p99 ÷ 1 ms.
 */
public final class ConstraintMaskBench {
    private static final String[][] CASES = {
        {"{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"age\":{\"type\":\"integer\","
                + "\"minimum\":0,\"maximum\":150},\"email\":{\"type\":\"string\",\"format\":\"email\"},\"tags\":{"
                + "\"type\":\"array\",\"items\":{\"type\":\"string\"}}},\"required\":[\"name\",\"age\",\"tags\"]}",
            "{\"name\":\"Ada Lovelace, Countess of Lovelace\",\"age\":36,\"email\":\"ada@example.com\","
                + "\"tags\":[\"mathematician\",\"writer\",\"first programmer\",\"analytical engine\"]}"},
        {"{\"$defs\":{\"n\":{\"type\":\"object\",\"properties\":{\"label\":{\"type\":\"string\"},\"children\":{"
                + "\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/n\"}}},\"required\":[\"label\"]}},\"$ref\":\"#/$defs/n\"}",
            "{\"label\":\"root node of the tree\",\"children\":[{\"label\":\"left child\",\"children\":[{\"label\":"
                + "\"leaf one\"},{\"label\":\"leaf two\"}]},{\"label\":\"right child\"}]}"},
        {"{\"type\":\"object\"}",
            "{\"city\":\"Paris\",\"population\":2148000,\"landmarks\":[\"Eiffel Tower\",\"Louvre\"],\"coords\":"
                + "{\"lat\":48.8566,\"lon\":2.3522},\"capital\":true,\"mayor\":null}"},
    };

    public static void main(String[] args) throws Exception {
        Path tokenizerJson = Path.of(args[0]);
        int rounds = Integer.getInteger("rounds", 20);
        TokenVocabulary vocabulary = TokenVocabulary.read(tokenizerJson);
        ObjectMapper json = new ObjectMapper();
        List<Long> cold = new ArrayList<>();
        List<Long> warm = new ArrayList<>();
        try (TextTokenizer tokenizer = TextTokenizer.load(tokenizerJson, false)) {
            for (String[] c : CASES) {
                JsonNode schema = json.readTree(c[0]);
                long compileStart = System.nanoTime();
                Grammar grammar = JsonSchemaGrammar.compile(schema, JsonLayout.COMPACT);
                TokenConstraint constraint = new TokenConstraint(grammar, vocabulary);
                long compiled = System.nanoTime() - compileStart;
                int[] ids = tokenizer.encode(c[1]);
                // JIT warm-up on a throw-away constraint, so that "cold" measures cache filling, not compilation
                pass(new TokenConstraint(grammar, vocabulary), ids, new ArrayList<>());
                List<Long> coldHere = new ArrayList<>();
                pass(constraint, ids, coldHere);
                cold.addAll(coldHere);
                print("  cold, schema " + Arrays.asList(CASES).indexOf(c), coldHere);
                for (int r = 0; r < rounds; r++) {
                    pass(constraint, ids, r < rounds / 4 ? new ArrayList<>() : warm);
                }
                System.out.printf("schema %d: %d matcher nodes, compiled and bound in %.1f ms, %d tokens%n",
                        Arrays.asList(CASES).indexOf(c), grammar.nodeCount(), compiled / 1e6, ids.length);
            }
        }
        print("cold (first use of each node)", cold);
        print("warm (steady state)", warm);
        System.out.printf("ratio: warm p99 / 1 ms = %.3f (target <= 1)%n", percentile(warm, 0.99) / 1000.0);
    }

    private static void pass(TokenConstraint constraint, int[] ids, List<Long> times) {
        TokenMatcher m = constraint.start();
        BitSet mask = new BitSet(constraint.vocabulary().size());
        for (int id : ids) {
            mask.clear();
            long t0 = System.nanoTime();
            m.allowedTokens(mask);
            times.add(System.nanoTime() - t0);
            if (!mask.get(id)) {
                throw new IllegalStateException("the mask refuses token " + id + " of a valid document");
            }
            m = m.advance(id);
        }
        if (!m.accepting()) {
            throw new IllegalStateException("a valid document did not end complete");
        }
    }

    private static void print(String what, List<Long> nanos) {
        System.out.printf("%-32s n=%d  p50 %.1f us  p99 %.1f us  max %.1f us%n", what, nanos.size(),
                percentile(nanos, 0.5), percentile(nanos, 0.99), percentile(nanos, 1.0));
    }

    private static double percentile(List<Long> nanos, double q) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1000.0;
    }
}
