package io.trackctl.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.trackctl.core.service.Caller;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef!".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private final TokenService tokens = new TokenService(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void adminAndShopTokensRoundTrip() {
        assertThat(tokens.verify(tokens.issue(Caller.admin(), Duration.ofHours(1)))).isEqualTo(Caller.admin());
        assertThat(tokens.verify(tokens.issue(Caller.shop(42), Duration.ofHours(1)))).isEqualTo(Caller.shop(42));
    }

    @Test
    void aTokenPastItsExpiryIsRefused() {
        String token = new TokenService(SECRET, Clock.fixed(NOW.minus(Duration.ofHours(2)), ZoneOffset.UTC))
                .issue(Caller.admin(), Duration.ofHours(1));
        assertThatThrownBy(() -> tokens.verify(token)).hasMessageContaining("expired");
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String[] parts = tokens.issue(Caller.shop(1), Duration.ofHours(1)).split("\\.");
        String other = tokens.issue(Caller.admin(), Duration.ofHours(1)).split("\\.")[1];
        assertThatThrownBy(() -> tokens.verify(parts[0] + "." + other + "." + parts[2]))
                .hasMessageContaining("signature");
    }

    @Test
    void aTokenWithoutExpiryIsRefused() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .issuer("trackctl").claim("role", "admin").issueTime(Date.from(NOW)).build());
        jwt.sign(new MACSigner(SECRET));
        assertThatThrownBy(() -> tokens.verify(jwt.serialize())).hasMessageContaining("expiry");
    }

    @Test
    void aShopTokenWithoutShopIdIsRefused() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .issuer("trackctl").claim("role", "shop").expirationTime(Date.from(NOW.plusSeconds(60))).build());
        jwt.sign(new MACSigner(SECRET));
        assertThatThrownBy(() -> tokens.verify(jwt.serialize())).hasMessageContaining("shop id");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String none = "eyJhbGciOiJub25lIn0.eyJyb2xlIjoiYWRtaW4ifQ.";
        assertThatThrownBy(() -> tokens.verify(none)).isInstanceOf(TokenService.InvalidTokenException.class);
    }

    @Test
    void aShortSecretIsRejectedUpFront() {
        assertThatThrownBy(() -> new TokenService("short".getBytes(StandardCharsets.UTF_8), Clock.systemUTC()))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void lifetimesParseInShortAndIsoForm() {
        assertThat(TokenService.parseTtl("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(TokenService.parseTtl("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(TokenService.parseTtl("PT12H")).isEqualTo(Duration.ofHours(12));
        assertThatThrownBy(() -> TokenService.parseTtl("soon")).hasMessageContaining("soon");
    }
}
