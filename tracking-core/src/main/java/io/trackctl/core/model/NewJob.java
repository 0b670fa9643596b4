package io.trackctl.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A job to enqueue. {@code trackingId} names the tracking number it concerns (null for a webhook
 * job, which concerns every stored number the push names); {@code refId} points at the webhook
 * delivery or import job it works on.
 */
public record NewJob(JobKind kind, JobTrigger trigger, Long trackingId, Long refId, int maxAttempts, Instant runAt) {

    public NewJob {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(trigger, "trigger");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }
}
