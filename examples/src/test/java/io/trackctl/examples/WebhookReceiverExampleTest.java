package io.trackctl.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.client.WebhookSignature;
import io.trackctl.core.model.NewShop;
import io.trackctl.core.model.NewTrackingNumber;
import io.trackctl.core.status.MainStatus;
import io.trackctl.store.StoreConfig;
import io.trackctl.store.TrackctlStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookReceiverExampleTest {

    private static final String KEY = "example-17track-key";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSignedPushIsAnsweredOkAndAppliedByTheWorkerOnceEvenWhenSentTwice(@TempDir Path dir) throws Exception {
        try (TrackctlStore store = TrackctlStore.open(StoreConfig.of("jdbc:sqlite:" + dir.resolve("t.db")));
             WebhookReceiverExample receiver = new WebhookReceiverExample(store, KEY, 0)) {
            long shop = store.shops().create(new NewShop("s", "custom", null, null, null, null, null)).id();
            store.tracking().createTrackingBatch(List.of(
                    new NewTrackingNumber(shop, null, null, "LX900000015CN", null, null, "test", null, null)));
            byte[] push = SqliteExample.readResource("push-delivered.json");

            int first = post(receiver, push, WebhookSignature.sign(push, KEY));
            int again = post(receiver, push, WebhookSignature.sign(push, KEY));
            int applied = receiver.applyPending();

            assertThat(first).isEqualTo(200);
            assertThat(again).isEqualTo(200);
            assertThat(applied).isEqualTo(1);
            assertThat(store.tracking().findTrackingByNumber("LX900000015CN").getFirst().state().status().main())
                    .isEqualTo(MainStatus.DELIVERED);
        }
    }

    @Test
    void aPushWithAWrongSignatureIsRefusedAndQueuesNothing(@TempDir Path dir) throws Exception {
        try (TrackctlStore store = TrackctlStore.open(StoreConfig.of("jdbc:sqlite:" + dir.resolve("t.db")));
             WebhookReceiverExample receiver = new WebhookReceiverExample(store, KEY, 0)) {
            byte[] push = SqliteExample.readResource("push-delivered.json");

            int status = post(receiver, push, WebhookSignature.sign(push, "some-other-key"));

            assertThat(status).isEqualTo(401);
            assertThat(receiver.applyPending()).isZero();
        }
    }

    private int post(WebhookReceiverExample receiver, byte[] body, String sign) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + "/hooks/17track"))
                .header("sign", sign).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
