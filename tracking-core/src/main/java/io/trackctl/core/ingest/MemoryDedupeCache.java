package io.trackctl.core.ingest;

import io.trackctl.core.port.DedupeCache;
import io.trackctl.core.rules.DedupeKey;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.StampedLock;

/**
 * The in-memory dedupe layer: two generations of keys, each holding at most {@code capacity / 2}.
 * When the current generation is full it becomes the previous one and the old previous one is
 * dropped whole, so at most {@code capacity} keys are remembered and the newest
 * {@code capacity / 2} distinct keys always are. A forgotten key is a miss, which the database
 * constraint catches, never a false "seen".
 *
 * <p>Every push is checked here, so the layout avoids pointer chasing: a key whose tracking number
 * is 1 to 24 characters of {@code [0-9A-Z]} is stored exactly as five longs ({@link PackedKey}) and
 * compared field by field; any other key goes to a map of key objects. Lookups are
 * optimistic reads validated against a {@link StampedLock}, so a repeat takes no lock; recording a
 * key takes the write lock, which keeps "first" unique across threads.
 */
public final class MemoryDedupeCache implements DedupeCache {

    private static final int MAX_CAPACITY = 1 << 26;

    private final int generationSize;
    private final StampedLock lock = new StampedLock();
    private Generation current;
    private Generation previous;

    /** @param capacity the most keys remembered at once, at least 2 */
    public MemoryDedupeCache(int capacity) {
        if (capacity < 2 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be between 2 and " + MAX_CAPACITY);
        }
        this.generationSize = capacity / 2;
        this.current = new Generation(generationSize);
        this.previous = new Generation(generationSize);
    }

    @Override
    public boolean firstSighting(DedupeKey key) {
        String number = key.number();
        long head = PackedKey.head(number);
        long tail = PackedKey.tail(number);
        long meta = PackedKey.meta(key);
        int slot = PackedKey.slot(key);
        long stamp = lock.tryOptimisticRead();
        if (stamp != 0 && known(key, head, tail, meta, slot) && lock.validate(stamp)) {
            return false;
        }
        return record(key, head, tail, meta, slot);
    }

    @Override
    public boolean seen(DedupeKey key) {
        String number = key.number();
        long head = PackedKey.head(number);
        long tail = PackedKey.tail(number);
        long meta = PackedKey.meta(key);
        int slot = PackedKey.slot(key);
        long stamp = lock.tryOptimisticRead();
        if (stamp != 0) {
            boolean known = known(key, head, tail, meta, slot);
            if (lock.validate(stamp)) {
                return known;
            }
        }
        stamp = lock.readLock();
        try {
            return known(key, head, tail, meta, slot);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** How many keys are remembered now. */
    public int size() {
        long stamp = lock.readLock();
        try {
            return current.size + previous.size;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Read optimistically (the caller validates) or under the lock; never throws on a torn read. */
    private boolean known(DedupeKey key, long head, long tail, long meta, int slot) {
        return current.contains(key, head, tail, meta, slot) || previous.contains(key, head, tail, meta, slot);
    }

    /** Checks again under the write lock, so of many threads with the same new key exactly one records it. */
    private boolean record(DedupeKey key, long head, long tail, long meta, int slot) {
        long stamp = lock.writeLock();
        try {
            if (known(key, head, tail, meta, slot)) {
                return false;
            }
            if (current.size == generationSize) {
                previous = current;
                current = new Generation(generationSize);
            }
            current.add(key, head, tail, meta, slot);
            return true;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /**
     * One generation: packed keys side by side in insertion order, found through an open-addressing
     * table of their positions. The table is kept at most a quarter full, so most lookups find the
     * key in the first slot they try, a branch the processor predicts; slots are only ever filled,
     * never cleared, so a probe always ends at an empty slot even while read optimistically.
     */
    private static final class Generation {

        private final long[] keys;
        private final int[] table;
        private final int mask;
        private final ConcurrentHashMap<DedupeKey, Boolean> unpacked = new ConcurrentHashMap<>();
        private int size;
        private int packed;

        Generation(int capacity) {
            int slots = Integer.highestOneBit(4 * capacity - 1) << 1;
            this.keys = new long[capacity * PackedKey.LONGS];
            this.table = new int[slots];
            this.mask = slots - 1;
        }

        boolean contains(DedupeKey key, long head, long tail, long meta, int slot) {
            if (head == PackedKey.UNPACKED) {
                return unpacked.containsKey(key);
            }
            long[] k = keys;
            int[] t = table;
            long millis = key.latestEventMillis();
            long hash = key.providersHash();
            for (int i = slot & mask; ; i = (i + 1) & mask) {
                int position = t[i];
                if (position == 0) {
                    return false;
                }
                int at = (position - 1) * PackedKey.LONGS;
                if (k[at] == head && k[at + 1] == tail && k[at + 2] == millis && k[at + 3] == hash
                        && k[at + 4] == meta) {
                    return true;
                }
            }
        }

        /** Called under the write lock, after {@link #contains} said no; the key is written before its table slot. */
        void add(DedupeKey key, long head, long tail, long meta, int slot) {
            size++;
            if (head == PackedKey.UNPACKED) {
                unpacked.put(key, Boolean.TRUE);
                return;
            }
            int at = packed * PackedKey.LONGS;
            keys[at] = head;
            keys[at + 1] = tail;
            keys[at + 2] = key.latestEventMillis();
            keys[at + 3] = key.providersHash();
            keys[at + 4] = meta;
            packed++;
            int i = slot & mask;
            while (table[i] != 0) {
                i = (i + 1) & mask;
            }
            table[i] = packed;
        }
    }
}
