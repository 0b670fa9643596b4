package io.trackctl.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class DialectTimeTest {

    @Property
    void sqliteTimeTextReadsBackAsTheInstantWritten(
            @ForAll @LongRange(min = 0, max = 253_402_300_799L) long seconds,
            @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
        Instant t = Dialect.truncate(Instant.ofEpochSecond(seconds, nanos));

        assertThat(Dialect.SQLITE.readTime(Dialect.SQLITE.bindTime(t))).isEqualTo(t);
    }

    @Test
    void otherIsoFormsAreStillRead() {
        assertThat(Dialect.SQLITE.readTime("2026-11-23T10:00:00Z")).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(Dialect.SQLITE.readTime("2026-11-23T10:00:00.123Z"))
                .isEqualTo(Instant.parse("2026-11-23T10:00:00.123Z"));
    }

    @Test
    void aFixedWidthTextThatIsNoTimeIsRefused() {
        assertThatThrownBy(() -> Dialect.SQLITE.readTime("2026-13-23T10:00:00.000000Z"))
                .isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Dialect.SQLITE.readTime("2026-02-30T10:00:00.000000Z"))
                .isInstanceOf(java.time.DateTimeException.class);
        assertThatThrownBy(() -> Dialect.SQLITE.readTime("2026-1x-23T10:00:00.000000Z"))
                .isInstanceOf(DateTimeParseException.class);
    }
}
