package io.trackctl.cli;

import io.trackctl.core.imports.FlexibleTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/** Time options: ISO-8601 dates or times, read as the lower or upper end of a range. */
final class CliTimes {

    private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}[-/]\\d{2}[-/]\\d{2}");

    private CliTimes() {
    }

    /** The start of a range: the instant given, or a date's midnight UTC. Null when not given. */
    static Instant from(String option, String text) {
        return parse(option, text);
    }

    /**
     * The exclusive end of a range: the instant given, or the midnight after a date, so that
     * {@code --updated-to 2026-11-20} includes the whole of that day (UTC). Null when not given.
     */
    static Instant until(String option, String text) {
        Instant t = parse(option, text);
        return t != null && DATE_ONLY.matcher(text.trim()).matches() ? t.plus(Duration.ofDays(1)) : t;
    }

    private static Instant parse(String option, String text) {
        if (text == null) {
            return null;
        }
        Instant t = FlexibleTimes.parse(text);
        if (t == null) {
            throw new IllegalArgumentException(option + " must be an ISO-8601 date or time, got '" + text + "'");
        }
        return t;
    }
}
