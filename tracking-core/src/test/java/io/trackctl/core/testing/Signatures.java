package io.trackctl.core.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code sign} header 17TRACK sends with a push (API.md section 5.3), for tests that POST
 * generated bodies: lowercase hex SHA-256 over the raw body bytes, then {@code /}, then the key.
 */
public final class Signatures {

    private Signatures() {
    }

    public static String sign(byte[] body, String securityKey) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(body);
            md.update((byte) '/');
            md.update(securityKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
