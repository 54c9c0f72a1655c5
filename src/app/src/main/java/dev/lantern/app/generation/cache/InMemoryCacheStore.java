package dev.lantern.app.generation.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** This server's memory: Caffeine bounded by entry count and age; semantic buckets bounded per bucket. */
final class InMemoryCacheStore implements CacheStore {

    private final Cache<String, String> answers;
    private final Cache<String, Deque<String>> buckets;
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    private final int bucketSize;

    InMemoryCacheStore(long maxEntries, Duration ttl, int bucketSize) {
        this.answers = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).build();
        this.buckets = Caffeine.newBuilder().maximumSize(Math.max(16, maxEntries / 8)).expireAfterWrite(ttl).build();
        this.bucketSize = bucketSize;
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(answers.getIfPresent(key));
    }

    @Override
    public void put(String key, String value) {
        answers.put(key, value);
    }

    @Override
    public long scopeVersion(String scope) {
        return versions.getOrDefault(scope, 0L);
    }

    @Override
    public void invalidateScope(String scope) {
        versions.merge(scope, 1L, Long::sum);
    }

    @Override
    public void addVector(String bucket, String entry) {
        Deque<String> entries = buckets.get(bucket, b -> new ArrayDeque<>());
        synchronized (entries) {
            entries.addFirst(entry);
            while (entries.size() > bucketSize) {
                entries.removeLast();
            }
        }
    }

    @Override
    public List<String> vectors(String bucket) {
        Deque<String> entries = buckets.getIfPresent(bucket);
        if (entries == null) {
            return List.of();
        }
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }
}
