package io.trackctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CliTimesTest {

    @Test
    void aDateAsTheEndOfARangeIncludesThatWholeDay() {
        assertThat(CliTimes.until("--to", "2026-11-20")).isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
        assertThat(CliTimes.from("--from", "2026-11-20")).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
    }

    @Test
    void anInstantIsTakenAsItIs() {
        assertThat(CliTimes.until("--to", "2026-11-20T10:00:00Z")).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
    }

    @Test
    void nothingGivenIsNoBoundAndTextThatIsNoTimeIsRefusedByName() {
        assertThat(CliTimes.until("--to", null)).isNull();
        assertThatThrownBy(() -> CliTimes.until("--updated-to", "soon"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--updated-to");
    }
}
