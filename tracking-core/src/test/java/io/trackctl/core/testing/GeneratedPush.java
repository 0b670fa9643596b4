package io.trackctl.core.testing;

import io.trackctl.core.snapshot.WebhookPayload;
import java.nio.charset.StandardCharsets;

/**
 * One push: the parsed payload and the exact JSON bytes 17TRACK would POST for it
 * ({@code SnapshotReader.readWebhook(json)} equals {@code payload}). The array is shared: do not modify it.
 */
public record GeneratedPush(WebhookPayload payload, byte[] json) {

    public String jsonText() {
        return new String(json, StandardCharsets.UTF_8);
    }

    public boolean isStop() {
        return payload.snapshot() == null;
    }

    @Override
    public String toString() {
        return payload.type() + " " + payload.number()
                + (payload.snapshot() == null ? "" : " @" + payload.snapshot().latestEventTime()
                        + " hash=" + payload.snapshot().providersHash());
    }
}
