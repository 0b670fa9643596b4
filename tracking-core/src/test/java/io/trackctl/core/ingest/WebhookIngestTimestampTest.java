package io.trackctl.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookIngestTimestampTest {

    @Test
    void epochSecondsEpochMillisAndIsoInstantsAreRead() {
        Instant t = Instant.parse("2026-11-23T10:00:00Z");

        assertThat(WebhookIngest.parseTimestamp(Long.toString(t.getEpochSecond()))).isEqualTo(t);
        assertThat(WebhookIngest.parseTimestamp(Long.toString(t.toEpochMilli()))).isEqualTo(t);
        assertThat(WebhookIngest.parseTimestamp("2026-11-23T10:00:00Z")).isEqualTo(t);
    }

    @Test
    void unreadableTimestampsAreNull() {
        assertThat(WebhookIngest.parseTimestamp("yesterday")).isNull();
        assertThat(WebhookIngest.parseTimestamp("")).isNull();
    }
}
