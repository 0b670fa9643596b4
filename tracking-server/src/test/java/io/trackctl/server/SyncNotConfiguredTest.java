package io.trackctl.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without a 17TRACK key, a sync trigger is answered with a clear 503 and nothing is queued. */
class SyncNotConfiguredTest {

    @Test
    void aTriggerWithoutAnApiKeyIsAnsweredServiceUnavailable() {
        try (TestServer server = TestServer.sqlite()) {
            long shop = server.createShop("Shop", "shopify");
            long id = server.createTracking(shop, "LX000000401US");

            TestServer.Answer a = server.post("/api/v1/sync/trigger", server.adminToken(), Map.of("trackingIds", List.of(id)));

            assertThat(a.status()).isEqualTo(503);
            assertThat(a.code()).isEqualTo(50301);
            assertThat(a.json().path("message").asText()).contains("17TRACK is not configured");
            assertThat(server.get("/api/v1/sync/jobs?kind=pull", server.adminToken()).data().path("total").asInt()).isZero();
            TestServer.Answer bad = server.post("/api/v1/sync/trigger", server.adminToken(), Map.of("trackingIds", List.of()));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(server.get("/api/v1/sync/jobs?status=nope", server.adminToken()).status()).isEqualTo(400);
        }
    }
}
