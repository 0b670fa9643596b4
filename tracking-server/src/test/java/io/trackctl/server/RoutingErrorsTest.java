package io.trackctl.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.trackctl.core.service.Caller;
import io.trackctl.server.auth.BearerAuthenticator;
import io.trackctl.server.auth.TokenService;
import io.trackctl.server.http.Json;
import io.trackctl.server.http.RouteContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Validation and error mapping through the real routing without a socket: these paths fail before
 * any use case runs, so the routing is mounted without a backend.
 */
@RoutingTest
class RoutingErrorsTest {

    private static final TokenService TOKENS = new TokenService(
            TestServer.JWT_SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
    private static final String ADMIN = "Bearer " + TOKENS.issue(Caller.admin(), Duration.ofHours(1));

    private final DirectClient client;

    RoutingErrorsTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        TrackctlApi.route(routing, new TrackctlApi.Components(null, null, null, null, null, null, null, null),
                new RouteContext(new BearerAuthenticator(TOKENS), 4096), null);
    }

    @Test
    void unknownPathAnswers40401() throws Exception {
        try (HttpClientResponse r = client.get("/api/v1/parcels").header(HeaderNames.AUTHORIZATION, ADMIN).request()) {
            assertThat(r.status().code()).isEqualTo(404);
            assertThat(json(r).path("code").asInt()).isEqualTo(40401);
        }
    }

    @Test
    void wrongMethodAnswers40501() throws Exception {
        try (HttpClientResponse r = client.put("/api/v1/tracking").header(HeaderNames.AUTHORIZATION, ADMIN).request()) {
            assertThat(r.status().code()).isEqualTo(405);
            assertThat(json(r).path("code").asInt()).isEqualTo(40501);
            assertThat(r.headers().first(HeaderNames.ALLOW).orElse("")).contains("GET").contains("POST");
        }
    }

    @Test
    void missingTokenAnswers40101BeforeAnythingElse() throws Exception {
        try (HttpClientResponse r = client.get("/api/v1/tracking").queryParam("page", "x").request()) {
            assertThat(r.status().code()).isEqualTo(401);
            assertThat(json(r).path("code").asInt()).isEqualTo(40101);
        }
    }

    @Test
    void pageSizeOutOfRangeNamesTheParameter() throws Exception {
        try (HttpClientResponse r = client.get("/api/v1/orders").queryParam("pageSize", "0")
                .header(HeaderNames.AUTHORIZATION, ADMIN).request()) {
            assertThat(r.status().code()).isEqualTo(400);
            JsonNode body = json(r);
            assertThat(body.path("code").asInt()).isEqualTo(40001);
            assertThat(body.path("data").path("errors").get(0).path("field").asText()).isEqualTo("pageSize");
        }
    }

    @Test
    void plainTextBodyAnswers41501() throws Exception {
        try (HttpClientResponse r = client.post("/api/v1/tracking").header(HeaderNames.AUTHORIZATION, ADMIN)
                .header(HeaderNames.CONTENT_TYPE, "text/plain").submit("LX123")) {
            assertThat(r.status().code()).isEqualTo(415);
            assertThat(json(r).path("code").asInt()).isEqualTo(41501);
        }
    }

    @Test
    void bodyOverTheLimitAnswers41301() throws Exception {
        try (HttpClientResponse r = client.post("/api/v1/shops").header(HeaderNames.AUTHORIZATION, ADMIN)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit("{\"shopName\":\"" + "x".repeat(5000) + "\"}")) {
            assertThat(r.status().code()).isEqualTo(413);
            assertThat(json(r).path("code").asInt()).isEqualTo(41301);
        }
    }

    @Test
    void brokenJsonAnswers40001OnTheBody() throws Exception {
        try (HttpClientResponse r = client.put("/api/v1/shops/3").header(HeaderNames.AUTHORIZATION, ADMIN)
                .header(HeaderNames.CONTENT_TYPE, "application/json").submit("{\"shopName\": ")) {
            assertThat(r.status().code()).isEqualTo(400);
            assertThat(json(r).path("data").path("errors").get(0).path("field").asText()).isEqualTo("body");
        }
    }

    private static JsonNode json(HttpClientResponse r) throws Exception {
        assertThat(r.headers().contentType().map(t -> t.text()).orElse("")).startsWith("application/json");
        return Json.MAPPER.readTree(r.as(String.class));
    }
}
