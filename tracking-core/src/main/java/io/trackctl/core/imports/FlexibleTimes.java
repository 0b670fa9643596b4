package io.trackctl.core.imports;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Reads the dates people put in import files: an ISO-8601 instant or date-time with offset, a date
 * and time without offset (taken as UTC), a plain date (midnight UTC), {@code yyyy/MM/dd} forms.
 */
public final class FlexibleTimes {

    private static final DateTimeFormatter SLASH_DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");
    private static final DateTimeFormatter SPACE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]");
    private static final DateTimeFormatter SLASH_TIME = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm[:ss]");

    private FlexibleTimes() {
    }

    /** The instant, or null when the text is none of the accepted forms. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException ignored) {
            // try the next form
        }
        for (DateTimeFormatter f : new DateTimeFormatter[] {SPACE_TIME, SLASH_TIME}) {
            try {
                return LocalDateTime.parse(t, f).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException ignored) {
                // try the next form
            }
        }
        try {
            return LocalDate.parse(t, SLASH_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
