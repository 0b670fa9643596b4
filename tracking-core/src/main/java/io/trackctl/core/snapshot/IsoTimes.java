package io.trackctl.core.snapshot;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A fast path for the one shape 17TRACK writes its times in, {@code 2026-11-01T08:00:00Z} or
 * {@code 2026-11-01T03:00:00-05:00}, optionally with 1 to 9 fraction digits. Every event carries
 * two such times, and a push often more than a dozen events: in a profile of the server under load,
 * {@code OffsetDateTime.parse} took about four tenths of the time spent reading a push, most of it
 * in its general-purpose formatter. The store reads the times it keeps as text on SQLite
 * ({@code 2026-11-23T10:00:00.000000Z}) through it too.
 *
 * <p>It answers only what it is sure of: a string of any other shape, or one whose fields are out
 * of range, gives null, and the caller falls back to {@code OffsetDateTime.parse}, so the result is
 * always the one {@code OffsetDateTime.parse} would give (a property test checks this).
 */
public final class IsoTimes {

    private IsoTimes() {
    }

    /**
     * {@code s} as {@code OffsetDateTime.parse} reads it, or null when {@code s} is not in the fast
     * shape or not a valid time (the caller then asks {@code OffsetDateTime.parse}).
     */
    public static OffsetDateTime offsetDateTime(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 10 && isDigit(s.charAt(i))) {
                nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            int count = i - start;
            if (count == 0 || count > 9) {
                return null;
            }
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = offset(s, i);
        if (offset == null || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        try {
            return OffsetDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second, nanos), offset);
        } catch (DateTimeException e) {
            return null; // a day past the month's end: the formatter's answer is the caller's
        }
    }

    /** The offset that makes up the rest of {@code s} from {@code i}: {@code Z} or {@code ±HH:MM}. */
    private static ZoneOffset offset(String s, int i) {
        int rest = s.length() - i;
        if (rest == 1) {
            return s.charAt(i) == 'Z' ? ZoneOffset.UTC : null;
        }
        if (rest != 6 || s.charAt(i + 3) != ':') {
            return null;
        }
        char sign = s.charAt(i);
        int hours = digits(s, i + 1, 2);
        int minutes = digits(s, i + 4, 2);
        if ((sign != '+' && sign != '-') || hours < 0 || minutes < 0 || hours > 18 || minutes > 59
                || (hours == 18 && minutes > 0)) {
            return null;
        }
        int seconds = hours * 3600 + minutes * 60;
        return ZoneOffset.ofTotalSeconds(sign == '-' ? -seconds : seconds);
    }

    /** The decimal value of {@code count} ASCII digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int k = from; k < from + count; k++) {
            char c = s.charAt(k);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
