package dev.lantern.app.generation.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A cacheable request: its exact key (a SHA-256 of everything that determines the answer, scope version
 * included) and its semantic bucket (the same without the prompt), with the text the semantic index embeds.
 */
public record CacheKey(String scope, String exact, String bucket, String semanticText) {

    /**
     * @param determinants everything but the prompt that fixes the answer: endpoint, model, settings, n, ...
     * @param prompt       the prompt as the model sees it (token ids)
     */
    static CacheKey of(String scope, String scopeVersion, String determinants, String prompt, String semanticText) {
        String bucket = sha256(scope + "\u0000" + scopeVersion + "\u0000" + determinants);
        return new CacheKey(scope, sha256(bucket + "\u0000" + prompt), bucket, semanticText);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
