package io.trackctl.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.trackctl.core.service.Caller;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;

/**
 * Issues and verifies the API's bearer tokens: HS256 JWTs with a role ({@code admin} or
 * {@code shop} with a {@code shopId} claim) and an expiry. Used by the server and by
 * {@code trackctl token create}.
 */
public final class TokenService {

    /** How long a token lives when no other duration is asked for. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(24);
    public static final Duration MAX_TTL = Duration.ofDays(3650);
    static final String ISSUER = "trackctl";
    private static final Duration LEEWAY = Duration.ofSeconds(30);

    /** A token that cannot be accepted; the message says why without echoing the token. */
    public static final class InvalidTokenException extends RuntimeException {
        InvalidTokenException(String message) {
            super(message, null, false, false);
        }
    }

    private final byte[] secret;
    private final Clock clock;

    public TokenService(byte[] secret, Clock clock) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("the token secret must be at least 32 bytes");
        }
        this.secret = secret.clone();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String issue(Caller caller, Duration ttl) {
        if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("token lifetime must be positive and at most " + MAX_TTL.toDays() + " days");
        }
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)));
        if (caller.isAdmin()) {
            claims.subject("admin").claim("role", "admin");
        } else {
            claims.subject("shop:" + caller.shopId()).claim("role", "shop").claim("shopId", caller.shopId());
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
    }

    /** The caller a valid token names; throws {@link InvalidTokenException} otherwise. */
    public Caller verify(String token) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new InvalidTokenException("token is malformed");
        }
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new InvalidTokenException("token is not signed with HS256");
        }
        try {
            if (!jwt.verify(new MACVerifier(secret))) {
                throw new InvalidTokenException("token signature is invalid");
            }
        } catch (JOSEException e) {
            throw new InvalidTokenException("token signature is invalid");
        }
        try {
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date exp = claims.getExpirationTime();
            if (exp == null) {
                throw new InvalidTokenException("token has no expiry");
            }
            if (clock.instant().minus(LEEWAY).isAfter(exp.toInstant())) {
                throw new InvalidTokenException("token has expired");
            }
            if (!ISSUER.equals(claims.getIssuer())) {
                throw new InvalidTokenException("token was not issued by trackctl");
            }
            String role = claims.getStringClaim("role");
            if ("admin".equals(role)) {
                return Caller.admin();
            }
            if ("shop".equals(role)) {
                Long shopId = claims.getLongClaim("shopId");
                if (shopId == null || shopId < 1) {
                    throw new InvalidTokenException("shop token has no shop id");
                }
                return Caller.shop(shopId);
            }
            throw new InvalidTokenException("token has no known role");
        } catch (ParseException e) {
            throw new InvalidTokenException("token claims are malformed");
        }
    }

    /** Parses a lifetime such as {@code 30m}, {@code 12h}, {@code 7d} or an ISO-8601 duration. */
    public static Duration parseTtl(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.matches("\\d{1,9}[smhd]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                return switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("lifetime must look like 30m, 12h, 7d or PT12H, got '" + text + "'");
        }
    }
}
