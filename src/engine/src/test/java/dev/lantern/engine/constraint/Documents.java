package dev.lantern.engine.constraint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/** Small helpers of the constraint tests: schemas from text, and whole documents run through a grammar. */
final class Documents {
    static final ObjectMapper JSON = new ObjectMapper();

    private Documents() {
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static Grammar grammar(String schema) {
        return JsonSchemaGrammar.compile(json(schema), JsonLayout.COMPACT);
    }

    /** The document is complete and valid for the grammar, read byte by byte. */
    static boolean accepts(Grammar g, String document) {
        GrammarState s = g.start();
        for (byte b : document.getBytes(StandardCharsets.UTF_8)) {
            s = s.advance(new byte[] {b});
            if (s == null) {
                return false;
            }
        }
        return s.accepting();
    }
}
