package io.trackctl.core.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FlexibleTimesTest {

    @ParameterizedTest
    @CsvSource({
            "2026-11-23T10:15:30Z, 2026-11-23T10:15:30Z",
            "2026-11-23T18:15:30+08:00, 2026-11-23T10:15:30Z",
            "2026-11-23T10:15:30, 2026-11-23T10:15:30Z",
            "2026-11-23 10:15, 2026-11-23T10:15:00Z",
            "2026-11-23, 2026-11-23T00:00:00Z",
            "2026/11/23, 2026-11-23T00:00:00Z",
            "2026/11/23 10:15:30, 2026-11-23T10:15:30Z"})
    void acceptedFormsGiveTheInstant(String text, String expected) {
        assertThat(FlexibleTimes.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01", "23/11/2026", "2026-11-31"})
    void otherTextIsNotADate(String text) {
        assertThat(FlexibleTimes.parse(text)).isNull();
    }
}
