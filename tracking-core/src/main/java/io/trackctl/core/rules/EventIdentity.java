package io.trackctl.core.rules;

import io.trackctl.core.snapshot.SnapshotEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two events the same event: the instant, the provider, and a hash of description and
 * location. Storage keeps a unique constraint on (tracking number, time, provider, content hash), so
 * events form a grow-only set whatever order snapshots arrive in.
 */
public final class EventIdentity {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    });

    private EventIdentity() {
    }

    /** 16 lowercase hex characters: the first 64 bits of SHA-256 over description and location. */
    public static String contentHash(String description, String location) {
        MessageDigest md = SHA256.get();
        md.reset();
        md.update(nullToEmpty(description).getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(nullToEmpty(location).getBytes(StandardCharsets.UTF_8));
        byte[] d = md.digest();
        return HexFormat.of().formatHex(d, 0, 8);
    }

    public static String contentHash(SnapshotEvent e) {
        return contentHash(e.description(), e.location());
    }

    /** The whole identity as one string, for in-memory sets. */
    public static String key(SnapshotEvent e) {
        return e.timeUtc().toEpochMilli() + "|" + e.providerKey() + "|" + contentHash(e);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
