package io.trackctl.core.snapshot;

import io.trackctl.core.status.Stage;
import io.trackctl.core.status.SubStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One carrier event from a 17TRACK snapshot. {@code timeUtc} is the instant used for every
 * comparison; {@code localTime} keeps the carrier-local offset for display (it may be null).
 */
public record SnapshotEvent(
        Instant timeUtc,
        OffsetDateTime localTime,
        String description,
        String location,
        Stage stage,
        String rawStage,
        SubStatus subStatus,
        String rawSubStatus,
        int providerKey) {

    public SnapshotEvent {
        Objects.requireNonNull(timeUtc, "timeUtc");
        description = description == null ? "" : description;
        stage = stage == null ? Stage.UNKNOWN : stage;
        subStatus = subStatus == null ? SubStatus.UNKNOWN : subStatus;
    }
}
