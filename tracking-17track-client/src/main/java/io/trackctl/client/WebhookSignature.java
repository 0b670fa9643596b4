package io.trackctl.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The 17TRACK push signature: lowercase hex SHA-256 over the raw body bytes, then {@code /}, then
 * the key (a plain hash, not an HMAC). Verification compares in constant time, ignores case, and
 * accepts any of several keys so a rotated key keeps working during its grace window.
 */
public final class WebhookSignature {

    /** The header 17TRACK sends the signature in. */
    public static final String HEADER = "sign";

    private final List<byte[]> keys;

    /** A verifier for these keys (at least one, none blank). */
    public WebhookSignature(List<String> keys) {
        Objects.requireNonNull(keys, "keys");
        if (keys.isEmpty() || keys.stream().anyMatch(k -> k == null || k.isBlank())) {
            throw new IllegalArgumentException("need at least one non-blank key");
        }
        this.keys = keys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    public static WebhookSignature of(String... keys) {
        return new WebhookSignature(List.of(keys));
    }

    /** The signature of {@code body} under {@code key}. */
    public static String sign(byte[] body, String key) {
        return HexFormat.of().formatHex(digest(body, key.getBytes(StandardCharsets.UTF_8)));
    }

    /** True when {@code signHeader} is the signature of {@code body} under any configured key. */
    public boolean verify(byte[] body, String signHeader) {
        if (body == null || signHeader == null) {
            return false;
        }
        byte[] given = signHeader.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        // The body comes first in the hashed bytes, so it is hashed once and the state copied for
        // each key: with two keys (a rotation) that halves the work, the body being most of it.
        MessageDigest bodyDone = sha256();
        bodyDone.update(body);
        bodyDone.update((byte) '/');
        boolean match = false;
        for (int i = 0; i < keys.size(); i++) {
            MessageDigest md = i == keys.size() - 1 ? bodyDone : copy(bodyDone);
            byte[] digest;
            if (md == null) {
                digest = digest(body, keys.get(i));
            } else {
                md.update(keys.get(i));
                digest = md.digest();
            }
            byte[] expected = HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
            // Every key is checked, so the time taken does not tell which one matched.
            match |= MessageDigest.isEqual(expected, given);
        }
        return match;
    }

    @Override
    public String toString() {
        return "WebhookSignature[keys=" + keys.size() + "]";
    }

    private static byte[] digest(byte[] body, byte[] key) {
        MessageDigest md = sha256();
        md.update(body);
        md.update((byte) '/');
        md.update(key);
        return md.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A copy of the digest's state, or null where its provider cannot copy it (the body is then hashed again). */
    private static MessageDigest copy(MessageDigest partial) {
        try {
            return (MessageDigest) partial.clone();
        } catch (CloneNotSupportedException e) {
            return null;
        }
    }
}
