package io.trackctl.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.service.Caller;
import io.trackctl.server.auth.TokenService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every failure the HTTP layer can meet is answered in the envelope with the right code and status. */
class ErrorMappingTest {

    private static TestServer server;
    private static String admin;

    @BeforeAll
    static void start() {
        server = TestServer.sqlite();
        admin = server.adminToken();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void unknownPathIsA404InTheEnvelope() {
        TestServer.Answer a = server.get("/api/v1/nothing-here", admin);
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.code()).isEqualTo(40401);
        assertThat(a.json().path("message").asText()).contains("no such route");
    }

    @Test
    void unknownPathOutsideTheApiIsAlsoAnEnvelope404() {
        TestServer.Answer a = server.get("/favicon.ico", null);
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.code()).isEqualTo(40401);
    }

    @Test
    void wrongMethodOnAKnownPathIsA405WithAllow() {
        TestServer.Answer a = server.send("PATCH", "/api/v1/shops/1", admin, null, null);
        assertThat(a.status()).isEqualTo(405);
        assertThat(a.code()).isEqualTo(40501);
        assertThat(a.headers().firstValue("Allow").orElse("")).contains("GET", "PUT", "DELETE");
    }

    @Test
    void bodyThatIsNotJsonIsA400() {
        TestServer.Answer a = server.send("POST", "/api/v1/shops", admin, "application/json",
                "{not json".getBytes(StandardCharsets.UTF_8));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo(40001);
        assertThat(a.data().path("errors").get(0).path("field").asText()).isEqualTo("body");
    }

    @Test
    void bodyOfAnotherMediaTypeIsA415() {
        TestServer.Answer a = server.send("POST", "/api/v1/shops", admin, "text/plain",
                "shopName=x".getBytes(StandardCharsets.UTF_8));
        assertThat(a.status()).isEqualTo(415);
        assertThat(a.code()).isEqualTo(41501);
    }

    @Test
    void bodyOverTheLimitIsA413() {
        byte[] big = ("{\"shopName\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        TestServer.Answer a = server.send("POST", "/api/v1/shops", admin, "application/json", big);
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.code()).isEqualTo(41301);
    }

    @Test
    void fieldOfTheWrongTypeNamesTheField() {
        TestServer.Answer a = server.post("/api/v1/tracking", admin, Map.of("shopId", "abc", "trackingNumber", "X"));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.data().path("errors").get(0).path("field").asText()).isEqualTo("shopId");
    }

    @Test
    void missingTokenIsA401() {
        TestServer.Answer a = server.get("/api/v1/shops", null);
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.code()).isEqualTo(40101);
    }

    @Test
    void malformedTokenIsA401() {
        TestServer.Answer a = server.get("/api/v1/shops", "not.a.jwt");
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.code()).isEqualTo(40101);
    }

    @Test
    void tokenSignedWithAnotherSecretIsA401() {
        String forged = new TokenService("another-secret-another-secret-another-secret!".getBytes(StandardCharsets.UTF_8),
                Clock.systemUTC()).issue(Caller.admin(), Duration.ofHours(1));
        TestServer.Answer a = server.get("/api/v1/shops", forged);
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.json().path("message").asText()).contains("signature");
    }

    @Test
    void expiredTokenIsA401() {
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(3)), ZoneOffset.UTC);
        String expired = new TokenService(TestServer.JWT_SECRET.getBytes(StandardCharsets.UTF_8), past)
                .issue(Caller.admin(), Duration.ofHours(1));
        TestServer.Answer a = server.get("/api/v1/shops", expired);
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.json().path("message").asText()).contains("expired");
    }

    @Test
    void nonNumericPageIsA400SayingWhichParameter() {
        TestServer.Answer a = server.get("/api/v1/tracking?page=abc", admin);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.data().path("errors").get(0).path("field").asText()).isEqualTo("page");
        assertThat(a.json().path("message").asText()).contains("whole number");
    }

    @Test
    void pageSizeAboveTheMaximumIsA400() {
        TestServer.Answer a = server.get("/api/v1/shops?pageSize=201", admin);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("message").asText()).contains("pageSize").contains("200");
    }

    @Test
    void pageZeroIsA400() {
        TestServer.Answer a = server.get("/api/v1/carriers?page=0", admin);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.data().path("errors").get(0).path("field").asText()).isEqualTo("page");
    }

    @Test
    void nonNumericIdIsA400() {
        TestServer.Answer a = server.get("/api/v1/tracking/abc", admin);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.data().path("errors").get(0).path("field").asText()).isEqualTo("id");
    }

    @Test
    void badInstantInAQueryIsA400() {
        TestServer.Answer a = server.get("/api/v1/tracking?updatedFrom=yesterday", admin);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.data().path("errors").get(0).path("field").asText()).isEqualTo("updatedFrom");
    }

    @Test
    void unknownStatusFilterIsA400ListingTheValidOnes() {
        TestServer.Answer a = server.get("/api/v1/tracking?status=Lost", admin);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("message").asText()).contains("InTransit");
    }

    @Test
    void noAnswerCarriesAStackTrace() {
        TestServer.Answer a = server.send("POST", "/api/v1/carriers", admin, "application/json",
                "[1, 2".getBytes(StandardCharsets.UTF_8));
        assertThat(a.body()).doesNotContain("Exception").doesNotContain("at io.");
    }
}
