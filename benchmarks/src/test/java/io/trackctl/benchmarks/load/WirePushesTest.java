package io.trackctl.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.client.WebhookSignature;
import io.trackctl.core.rules.DedupeKey;
import io.trackctl.core.snapshot.SnapshotReader;
import io.trackctl.core.snapshot.WebhookPayload;
import io.trackctl.core.status.MainStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WirePushesTest {

    @Test
    void thePlanHoldsEveryUpdateOnceAndTheAskedShareOfResends() {
        List<WirePushes.Push> plan = WirePushes.plan(50, 3, 0.25, "k", 1);

        Set<String> distinct = new HashSet<>();
        plan.forEach(p -> distinct.add(p.numberIndex() + "/" + p.update()));
        assertThat(distinct).hasSize(150);
        assertThat(plan).hasSize(200);
    }

    @Test
    void eachPushIsSignedAndReadsAsATrackingUpdateWithItsOwnDedupeKey() {
        List<WirePushes.Push> plan = WirePushes.plan(5, 3, 0, "the-key", 1);
        WebhookSignature verifier = WebhookSignature.of("the-key");

        Set<String> keys = new HashSet<>();
        for (WirePushes.Push p : plan) {
            assertThat(verifier.verify(p.body(), p.signature())).isTrue();
            WebhookPayload payload = SnapshotReader.readWebhook(p.body());
            assertThat(payload.number()).isEqualTo(WirePushes.number(p.numberIndex()));
            assertThat(payload.snapshot().events()).hasSize(p.update());
            assertThat(payload.snapshot().status().main())
                    .isEqualTo(p.update() == 3 ? MainStatus.DELIVERED : MainStatus.IN_TRANSIT);
            keys.add(DedupeKey.of(payload).text());
        }
        assertThat(keys).hasSize(15);
    }

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        Latencies l = new Latencies();
        for (int i = 1; i <= 100; i++) {
            l.add(i * 1_000_000L);
        }

        assertThat(l.percentileMillis(50)).isEqualTo(50.0);
        assertThat(l.percentileMillis(99)).isEqualTo(99.0);
        assertThat(new Latencies().percentileMillis(99)).isZero();
    }
}
