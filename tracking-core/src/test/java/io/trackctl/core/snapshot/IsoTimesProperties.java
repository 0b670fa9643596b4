package io.trackctl.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The fast path reads every time exactly as {@code OffsetDateTime.parse} does, or leaves it to it. */
class IsoTimesProperties {

    @Property(tries = 5000)
    void timesInTheFastShapeReadAsTheFormatterReadsThem(@ForAll("fastShaped") String s) {
        OffsetDateTime fast = IsoTimes.offsetDateTime(s);
        OffsetDateTime slow = slow(s);
        if (fast != null) {
            assertThat(fast).isEqualTo(slow);
        }
        if (slow != null && !s.contains(".Z") && !s.matches(".*\\.\\d{10,}.*") && !s.matches(".*\\.[+-].*")) {
            assertThat(fast).as("a valid time in the common shape takes the fast path: %s", s).isNotNull();
        }
    }

    @Property(tries = 5000)
    void anyOtherTextIsReadAsTheFormatterReadsItOrLeftToIt(
            @ForAll @StringLength(min = 15, max = 32) @CharRange(from = '0', to = '9')
            @Chars({'-', ':', '+', 'T', 't', 'Z', 'z', '.', ' ', '\u0660'}) String s) {
        OffsetDateTime fast = IsoTimes.offsetDateTime(s);
        if (fast != null) {
            assertThat(fast).isEqualTo(slow(s));
        }
    }

    /** Strings of the fast shape with one character changed: the near misses a fast path most likely gets wrong. */
    @Property(tries = 5000)
    void nearMissesAreReadAsTheFormatterReadsThemOrLeftToIt(@ForAll("fastShaped") String shaped,
            @ForAll @IntRange(min = 0, max = 40) int at,
            @ForAll @CharRange(from = '0', to = '9') @Chars({'-', ':', '+', 'T', 't', 'Z', 'z', '.', ' '}) char c) {
        String s = shaped.substring(0, Math.min(at, shaped.length())) + c
                + shaped.substring(Math.min(at + 1, shaped.length()));
        OffsetDateTime fast = IsoTimes.offsetDateTime(s);
        if (fast != null) {
            assertThat(fast).isEqualTo(slow(s));
        }
    }

    @Example
    void the17TrackShapesTakeTheFastPath() {
        for (String s : new String[] {"2026-11-01T08:00:00Z", "2026-11-01T03:00:00-05:00", "2024-02-29T23:59:59+14:00",
                "2026-11-01T08:00:00.123Z", "2026-11-01T08:00:00.123456789+05:45", "0000-01-01T00:00:00-18:00"}) {
            assertThat(IsoTimes.offsetDateTime(s)).as(s).isEqualTo(OffsetDateTime.parse(s));
        }
        for (String s : new String[] {"2026-02-29T08:00:00Z", "2026-11-01T24:00:00Z", "2026-11-01T08:00Z",
                "2026-11-01t08:00:00Z", "2026-11-01T08:00:00+19:00", "2026-11-01T08:00:00+0500", "2026-11-01T08:00:00",
                "+12026-11-01T08:00:00Z", "2026-11-01T08:00:00.Z", "2026-11-01T08:00:00.1234567890Z"}) {
            assertThat(IsoTimes.offsetDateTime(s)).as(s).isNull();
        }
    }

    /** Strings of the fast path's shape, with fields drawn past their valid ranges too. */
    @Provide
    Arbitrary<String> fastShaped() {
        Arbitrary<String> date = Combinators.combine(Arbitraries.integers().between(0, 9999),
                Arbitraries.integers().between(0, 19), Arbitraries.integers().between(0, 39))
                .as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
        Arbitrary<String> time = Combinators.combine(Arbitraries.integers().between(0, 29),
                Arbitraries.integers().between(0, 69), Arbitraries.integers().between(0, 69))
                .as((h, m, s) -> String.format("T%02d:%02d:%02d", h, m, s));
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(11).map(f -> "." + f));
        Arbitrary<String> offset = Arbitraries.oneOf(Arbitraries.just("Z"),
                Combinators.combine(Arbitraries.of('+', '-'), Arbitraries.integers().between(0, 25),
                        Arbitraries.integers().between(0, 69))
                        .as((sign, h, m) -> String.format("%c%02d:%02d", sign, h, m)));
        return Combinators.combine(date, time, fraction, offset).as((d, t, f, o) -> d + t + f + o);
    }

    private static OffsetDateTime slow(String s) {
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
