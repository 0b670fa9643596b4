package io.trackctl.core.ingest;

import io.trackctl.core.rules.DedupeKey;

/**
 * A {@link DedupeKey} as five longs, exactly: two keys pack to the same longs only when they are
 * equal. The tracking number is read as a head and a tail of up to 12 base-37 digits each, 1 to 36
 * standing for {@code 0-9A-Z} and 0 for "no character", so numbers of different lengths differ and
 * a packed head is never 0 (which marks an empty table slot). Static methods over primitives, so
 * the check allocates nothing beyond the key itself.
 */
final class PackedKey {

    static final int LONGS = 5;
    /** The head of a number that does not pack: empty, over 24 characters, or outside {@code [0-9A-Z]}. */
    static final long UNPACKED = 0;
    private static final int GROUP = 12;
    private static final int RADIX = 37;
    private static final byte[] DIGITS = new byte[128];
    private static final long[] POWERS = new long[GROUP];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < GROUP; i++) {
            POWERS[i] = POWERS[i - 1] * RADIX;
        }
        for (char c = '0'; c <= '9'; c++) {
            DIGITS[c] = (byte) (c - '0' + 1);
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            DIGITS[c] = (byte) (c - 'A' + 11);
        }
    }

    private PackedKey() {
    }

    /** Characters 0 to 11 of the number, {@link #UNPACKED} when the whole number does not pack. */
    static long head(String number) {
        int length = number.length();
        if (length == 0 || length > 2 * GROUP) {
            return UNPACKED;
        }
        long head = group(number, 0, Math.min(length, GROUP));
        return head < 0 || tail(number) < 0 ? UNPACKED : head;
    }

    /** Characters 12 to 23 of a number whose {@link #head} packed, 0 when it is shorter. */
    static long tail(String number) {
        int length = number.length();
        return length > GROUP ? group(number, GROUP, Math.min(length, 2 * GROUP)) : 0;
    }

    /** The carrier in the low 32 bits, then the stopped and has-providers-hash flags. */
    static long meta(DedupeKey key) {
        return (key.carrier() & 0xFFFF_FFFFL) | (key.stopped() ? 1L << 32 : 0) | (key.hasProvidersHash() ? 1L << 33 : 0);
    }

    /**
     * The table index, spread from {@link DedupeKey#hashCode()}: that hash was computed when the key was
     * built, from the number's cached hash, so the slot can be fetched while the number's characters
     * are still being read and packed.
     */
    static int slot(DedupeKey key) {
        int h = key.hashCode() * 0x9E37_79B9;
        return h ^ (h >>> 16);
    }

    /**
     * The first character is the lowest digit. A sum of independent products rather than Horner's
     * rule, so the work is not one long chain of multiplications; -1 for a foreign character.
     */
    private static long group(String s, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            int d = c < DIGITS.length ? DIGITS[c] : 0;
            if (d == 0) {
                return -1;
            }
            v += d * POWERS[i - from];
        }
        return v;
    }
}
