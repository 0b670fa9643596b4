package io.trackctl.core.testing;

import io.trackctl.core.snapshot.SnapshotEvent;
import io.trackctl.core.status.Stage;
import io.trackctl.core.status.SubStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Builds a {@link SnapshotEvent} the way {@code SnapshotReader} would read it from the wire: raw stage
 * and sub-status texts are the enum's wire spelling unless set explicitly, and the local time is the
 * instant at the chosen offset.
 */
public final class EventBuilder {

    private Instant time = Instant.parse("2024-11-10T08:00:00Z");
    private ZoneOffset offset = ZoneOffset.ofHours(8);
    private boolean noLocalTime;
    private String description = "Parcel processed";
    private String location = "Shenzhen";
    private Stage stage;
    private String rawStage;
    private SubStatus subStatus = SubStatus.IN_TRANSIT_OTHER;
    private String rawSubStatus = SubStatus.IN_TRANSIT_OTHER.wire();
    private int providerKey = 3011;

    EventBuilder() {
    }

    public EventBuilder at(Instant utc) {
        this.time = utc;
        return this;
    }

    public EventBuilder at(String isoInstant) {
        return at(Instant.parse(isoInstant));
    }

    /** The carrier-local offset the event is written with on the wire. */
    public EventBuilder offset(ZoneOffset offset) {
        this.offset = offset;
        return this;
    }

    public EventBuilder offsetHours(int hours) {
        return offset(ZoneOffset.ofHours(hours));
    }

    /** The event carries {@code time_utc} only (no {@code time_iso}). */
    public EventBuilder withoutLocalTime() {
        this.noLocalTime = true;
        return this;
    }

    public EventBuilder description(String description) {
        this.description = description;
        return this;
    }

    public EventBuilder location(String location) {
        this.location = location;
        return this;
    }

    public EventBuilder stage(Stage stage) {
        this.stage = stage;
        this.rawStage = stage == null ? null : stage.wire();
        return this;
    }

    /** A stage text that may not be in the vocabulary; kept raw, parsed leniently. */
    public EventBuilder rawStage(String raw) {
        this.rawStage = raw;
        this.stage = Stage.parse(raw);
        return this;
    }

    public EventBuilder subStatus(SubStatus subStatus) {
        this.subStatus = subStatus;
        this.rawSubStatus = subStatus == null ? null : subStatus.wire();
        return this;
    }

    /** A sub-status text that may not be in the vocabulary; kept raw, parsed leniently. */
    public EventBuilder rawSubStatus(String raw) {
        this.rawSubStatus = raw;
        this.subStatus = SubStatus.parse(raw);
        return this;
    }

    public EventBuilder provider(int providerKey) {
        this.providerKey = providerKey;
        return this;
    }

    public SnapshotEvent build() {
        OffsetDateTime local = noLocalTime ? null : OffsetDateTime.ofInstant(time, offset);
        return new SnapshotEvent(time, local, description, location, stage, rawStage, subStatus, rawSubStatus,
                providerKey);
    }
}
