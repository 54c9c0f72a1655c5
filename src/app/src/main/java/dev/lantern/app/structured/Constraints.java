package dev.lantern.app.structured;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import dev.lantern.app.models.ServedModel;
import dev.lantern.engine.constraint.TokenConstraint;
import dev.lantern.engine.constraint.TokenVocabulary;
import dev.lantern.engine.constraint.UnsupportedSchemaException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Grammars bound to models' vocabularies, kept per (model, structure): a {@link TokenConstraint} caches the masks it
 * computed, so the second request with a schema pays neither the compilation nor the first masks. At most
 * {@value #MAX_ENTRIES} are kept (the least recently used go first).
 */
@ApplicationScoped
public class Constraints {

    static final int MAX_ENTRIES = 256;

    private final Cache<String, TokenConstraint> bound = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

    /**
     * The constraint of {@code structure} for {@code model}, or null for free text.
     *
     * @throws LanternException 400 INVALID_SCHEMA naming the keyword the engine cannot enforce
     */
    public TokenConstraint bind(ServedModel model, OutputStructure structure) {
        if (!structure.constrained()) {
            return null;
        }
        TokenVocabulary vocabulary = model.model().vocabulary();
        try {
            return bound.get(model.id() + '\u0000' + System.identityHashCode(model.model()) + '\u0000'
                    + structure.key(), k -> new TokenConstraint(structure.grammar().apply(vocabulary), vocabulary));
        } catch (UnsupportedSchemaException e) {
            // a problem of the whole grammar (too large) is the tools' when the engine's path names nothing
            String prefix = !structure.param().isEmpty() ? structure.param() : e.path().isEmpty() ? "tools" : "";
            throw refused(prefix.isEmpty() ? e : e.under(prefix));
        }
    }

    static LanternException refused(UnsupportedSchemaException e) {
        return new LanternException(ErrorCode.INVALID_SCHEMA, e.getMessage() + ". Lantern enforces a schema exactly "
                + "or not at all: remove or change this keyword (the README lists the supported ones).")
                .withParam(e.path());
    }
}
