package io.trackctl.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.model.DeliveryOutcome;
import io.trackctl.core.model.DeliveryQuery;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.WebhookDelivery;
import io.trackctl.core.testing.Fixtures;
import io.trackctl.server.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookWithoutKeyTest {

    @Test
    void withNoWebhookKeyConfiguredEveryDeliveryIsRefusedWith503SayingSoAndLogged() {
        try (TestServer server = TestServer.sqlite()) {
            byte[] body = Fixtures.bytes(Fixtures.UPDATED_DELIVERED);

            TestServer.Answer answer = server.send("POST", WebhookSuite.PATH, null, "application/json", body,
                    "sign", Fixtures.UPDATED_DELIVERED_SIGN);

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.json().path("message").asText()).contains("no webhook key is configured");
            List<WebhookDelivery> rows = server.store().webhooks().listDeliveries(
                    new DeliveryQuery(DeliveryOutcome.REJECTED, null, null, null), PageRequest.of(1, 10)).items();
            assertThat(rows).singleElement().satisfies(r -> assertThat(r.error()).startsWith("NOT_CONFIGURED"));
            assertThat(server.server().engine().queue().queueStats().pending()).isZero();
        }
    }
}
