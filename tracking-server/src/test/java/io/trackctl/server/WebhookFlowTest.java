package io.trackctl.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.client.WebhookSignature;
import io.trackctl.core.testing.Fixtures;
import io.trackctl.store.testing.SqliteTestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookFlowTest {

    private static final String KEY = "DUMMY17TRACKKEY0123456789ABCDEF";
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(SqliteTestDatabase.create(), s -> new ServerSettings(s.port(), s.dataDir(), s.db(),
                null, null, null, List.of(KEY), s.jwtSecret(), null, s.maxBodyBytes(), s.shutdownGrace()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSignedPushIsAcknowledgedAndThenAppliedToTheStoredNumber() throws Exception {
        long shop = server.createShop("Shop", "shopify");
        long id = server.createTracking(shop, "LX900000015CN");
        byte[] body = Fixtures.bytes(Fixtures.UPDATED_DELIVERED);

        TestServer.Answer answer = server.send("POST", "/api/v1/webhook/17track", null, "application/json", body,
                "sign", WebhookSignature.sign(body, KEY));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.code()).isZero();
        TestServer.Answer detail = Poll.until(Duration.ofSeconds(20),
                () -> server.get("/api/v1/tracking/" + id, server.adminToken()),
                a -> "Delivered".equals(a.data().path("latestStatus").path("status").asText()));
        assertThat(detail.data().path("events").path("total").asInt()).isEqualTo(7);
    }

    @Test
    void aWrongSignatureIsRefusedWithoutAJob() {
        byte[] body = Fixtures.bytes(Fixtures.UPDATED_DELIVERED);

        TestServer.Answer answer = server.send("POST", "/api/v1/webhook/17track", null, "application/json", body,
                "sign", WebhookSignature.sign(body, "WRONGKEY"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.code()).isEqualTo(40102);
        assertThat(server.server().engine().queue().queueStats().pending()).isZero();
    }
}
