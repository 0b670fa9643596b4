package io.trackctl.benchmarks;

import io.trackctl.core.snapshot.ProviderTrack;
import io.trackctl.core.snapshot.Snapshot;
import io.trackctl.core.snapshot.SnapshotEvent;
import io.trackctl.core.snapshot.WebhookEventType;
import io.trackctl.core.snapshot.WebhookHead;
import io.trackctl.core.snapshot.WebhookPayload;
import io.trackctl.core.status.Stage;
import io.trackctl.core.status.SubStatus;
import io.trackctl.core.status.TrackStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** Benchmark inputs: parsed pushes with distinct numbers, half of them repeats, and the 12 KB fixture body. */
final class Pushes {

    private Pushes() {
    }

    static WebhookPayload[] payloads(int count) {
        WebhookPayload[] out = new WebhookPayload[count];
        Instant base = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            int n = (i % 2 == 1) ? i - 1 : i;
            Instant t = base.plusSeconds(n * 37L);
            SnapshotEvent e = new SnapshotEvent(t, null, "Arrived at facility", "Memphis, TN", Stage.ARRIVAL,
                    "Arrival", SubStatus.IN_TRANSIT_ARRIVAL, "InTransit_Arrival", 21051);
            Snapshot s = new Snapshot("LX" + (100_000_000 + n) + "CN", 21051, null,
                    TrackStatus.parse("InTransit", "InTransit_Arrival"), e,
                    List.of(new ProviderTrack(21051, "USPS", "US", (long) n, t, List.of(e))), (long) (n * 31 + 7));
            out[i] = new WebhookPayload(WebhookEventType.TRACKING_UPDATED, "TRACKING_UPDATED", s.number(), 21051, null, s);
        }
        return out;
    }

    /**
     * The heads of {@link #payloads}, as {@code SnapshotReader.readWebhookHead} gives them for their
     * pushes: what webhook intake makes its dedupe keys from.
     */
    static WebhookHead[] heads(int count) {
        WebhookPayload[] payloads = payloads(count);
        WebhookHead[] out = new WebhookHead[count];
        for (int i = 0; i < count; i++) {
            WebhookPayload p = payloads[i];
            out[i] = new WebhookHead(p.type(), p.rawType(), p.number(), p.carrier(), p.snapshot().latestEventMillis(),
                    p.snapshot().providersHash());
        }
        return out;
    }

    static byte[] fixture() {
        try (InputStream in = Pushes.class.getResourceAsStream("/webhook-tracking-updated-delivered.json")) {
            if (in == null) {
                throw new IllegalStateException("benchmark fixture missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
