package io.trackctl.core.ingest;

import io.trackctl.core.port.DedupeCache;
import io.trackctl.core.rules.DedupeKey;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The in-memory dedupe layer: a concurrent set bounded by a ring of the most recent keys. When the
 * ring wraps, the oldest key is forgotten (a miss, which the database constraint catches), never a
 * false "seen". Lock-free on the hot path.
 */
public final class MemoryDedupeCache implements DedupeCache {

    private final ConcurrentHashMap<DedupeKey, Boolean> keys;
    private final AtomicReferenceArray<DedupeKey> ring;
    private final AtomicLong next = new AtomicLong();

    public MemoryDedupeCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.keys = new ConcurrentHashMap<>(Math.min(capacity, 1 << 16));
        this.ring = new AtomicReferenceArray<>(capacity);
    }

    @Override
    public boolean firstSighting(DedupeKey key) {
        // A repeat is answered by a plain read: putIfAbsent may lock the key's bin even when the key is
        // there, and re-pushes are the case this layer exists for.
        if (keys.containsKey(key) || keys.putIfAbsent(key, Boolean.TRUE) != null) {
            return false;
        }
        int slot = (int) (next.getAndIncrement() % ring.length());
        DedupeKey evicted = ring.getAndSet(slot, key);
        if (evicted != null) {
            keys.remove(evicted);
        }
        return true;
    }

    @Override
    public boolean seen(DedupeKey key) {
        return keys.containsKey(key);
    }

    public int size() {
        return keys.size();
    }
}
