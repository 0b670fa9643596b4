package io.trackctl.client.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * One carrier event. {@code timeIso} carries the carrier-local offset, {@code timeUtc} the same
 * instant in UTC; compare and order by {@link #instant()}.
 */
public record TrackEvent(String timeIso, String timeUtc, TimeRaw timeRaw, String description,
                         DescriptionTranslation descriptionTranslation, String location, String stage,
                         String subStatus, Address address) {

    /** {@code time_utc} as an instant, else the instant of {@code time_iso}; null when neither parses. */
    public Instant instant() {
        try {
            if (timeUtc != null && !timeUtc.isBlank()) {
                return OffsetDateTime.parse(timeUtc.trim()).toInstant();
            }
        } catch (DateTimeParseException e) {
            // fall through to time_iso
        }
        OffsetDateTime local = localTime();
        return local == null ? null : local.toInstant();
    }

    /** {@code time_iso} with its carrier-local offset, or null. */
    public OffsetDateTime localTime() {
        if (timeIso == null || timeIso.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(timeIso.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
