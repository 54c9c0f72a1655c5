package dev.lantern.app.generation.cache;

import java.util.List;
import java.util.Optional;

/**
 * Where cached answers live: in this server's memory or in Redis (shared by every server). Keys are already
 * hashed and scoped; a scope's version is bumped to drop all its entries at once (they age out unseen).
 */
public interface CacheStore {

    Optional<String> get(String key);

    void put(String key, String value);

    /** The current version of a scope's entries (0 until first invalidated). */
    long scopeVersion(String scope);

    /** Makes every entry of the scope unreachable. */
    void invalidateScope(String scope);

    /** Adds a prompt vector to a semantic bucket (bounded: the oldest leave first). */
    void addVector(String bucket, String entry);

    /** The entries of a semantic bucket, newest first. */
    List<String> vectors(String bucket);
}
