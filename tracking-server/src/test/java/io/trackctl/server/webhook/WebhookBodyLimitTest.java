package io.trackctl.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.model.DeliveryOutcome;
import io.trackctl.core.model.DeliveryQuery;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.WebhookDelivery;
import io.trackctl.core.testing.PushHistories;
import io.trackctl.core.testing.Signatures;
import io.trackctl.server.ServerSettings;
import io.trackctl.server.TestServer;
import io.trackctl.store.testing.SqliteTestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The webhook has a body limit of its own: pushes up to it are taken even when the other routes
 * have a smaller one. (Bodies past both limits are refused by the server before the route.)
 */
class WebhookBodyLimitTest {

    private static final int API_LIMIT = 4096;
    private static final int WEBHOOK_LIMIT = 16 * 1024;

    @Test
    void aPushLargerThanTheApiLimitButWithinTheWebhookLimitIsAccepted() {
        try (TestServer server = TestServer.start(SqliteTestDatabase.create(), s -> new ServerSettings(s.port(),
                s.dataDir(), s.db(), null, null, null, List.of(WebhookSuite.KEY), s.jwtSecret(), null, API_LIMIT,
                s.shutdownGrace(), s.engine().withWebhookMaxBytes(WEBHOOK_LIMIT)))) {
            byte[] push = PushHistories.history(new Random(11), "LX777000777CN").pushes().getFirst().json();

            assertThat(send(server, padded(push, 8 * 1024)).status()).isEqualTo(200);
            TestServer.Answer tooLarge = send(server, padded(push, WEBHOOK_LIMIT + 1));
            TestServer.Answer apiTooLarge = server.send("POST", "/api/v1/shops", server.adminToken(),
                    "application/json", ("{\"shopName\":\"" + "x".repeat(8 * 1024) + "\",\"platform\":\"shopify\"}")
                            .getBytes(StandardCharsets.UTF_8));

            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(tooLarge.code()).isEqualTo(41301);
            assertThat(apiTooLarge.status()).isEqualTo(413);
            assertThat(server.store().webhooks().listDeliveries(new DeliveryQuery(null, "LX777000777CN", null, null),
                    PageRequest.of(1, 10)).items()).extracting(WebhookDelivery::outcome)
                    .doesNotContain(DeliveryOutcome.REJECTED);
        }
    }

    private static TestServer.Answer send(TestServer server, byte[] body) {
        return server.send("POST", WebhookSuite.PATH, null, "application/json", body, "sign",
                Signatures.sign(body, WebhookSuite.KEY));
    }

    /** The same JSON grown to {@code size} bytes with whitespace before its closing brace. */
    private static byte[] padded(byte[] json, int size) {
        String s = new String(json, StandardCharsets.UTF_8);
        int close = s.lastIndexOf('}');
        return (s.substring(0, close) + " ".repeat(Math.max(0, size - json.length)) + s.substring(close))
                .getBytes(StandardCharsets.UTF_8);
    }
}
