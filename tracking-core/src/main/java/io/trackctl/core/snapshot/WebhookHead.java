package io.trackctl.core.snapshot;

import java.util.Objects;

/**
 * What webhook intake reads of a push ({@link SnapshotReader#readWebhookHead}): enough to log it
 * and to make its dedupe key, without its snapshot.
 *
 * @param rawType the event type as sent
 * @param latestEventMillis the newest event time of the snapshot (UTC epoch milliseconds), as
 *        {@link Snapshot#latestEventMillis()} gives it; {@link Snapshot#NO_EVENT} when the push
 *        carries no snapshot
 * @param providersHash the snapshot's providers hash; null when the push carries no snapshot or
 *        the snapshot none
 */
public record WebhookHead(WebhookEventType type, String rawType, String number, Integer carrier,
                          long latestEventMillis, Long providersHash) {

    public WebhookHead {
        Objects.requireNonNull(type, "type");
        number = TrackingNumbers.normalize(Objects.requireNonNull(number, "number"));
    }
}
