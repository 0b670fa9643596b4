package io.trackctl.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScaleOutSettingsTest {

    @Test
    void withoutSettingsRedisKeysStartWithTrackctlAndRunsAreNotRecorded() {
        EngineSettings e = SettingsLoader.load(SettingsLoader.Flags.NONE, Map.of()).engine();

        assertThat(e.redisPrefix()).isEqualTo("trackctl:");
        assertThat(e.recordSchedulerRuns()).isFalse();
        assertThat(e.lease()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void theEnvironmentSetsThePrefixTheLeaseAndTheRunRecord() {
        EngineSettings e = SettingsLoader.load(SettingsLoader.Flags.NONE, Map.of(
                "TRACKCTL_REDIS_PREFIX", "shop-eu:",
                "TRACKCTL_JOB_LEASE", "15s",
                "TRACKCTL_RECORD_SCHEDULER_RUNS", "true")).engine();

        assertThat(e.redisPrefix()).isEqualTo("shop-eu:");
        assertThat(e.lease()).isEqualTo(Duration.ofSeconds(15));
        assertThat(e.recordSchedulerRuns()).isTrue();
    }

    @Test
    void aLeaseUnderOneSecondIsRefused() {
        assertThatThrownBy(() -> SettingsLoader.load(SettingsLoader.Flags.NONE, Map.of("TRACKCTL_JOB_LEASE", "PT0.5S")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lease");
    }

    @Test
    void theOlderConstructorKeepsTheDefaultPrefix() {
        EngineSettings d = EngineSettings.defaults();
        EngineSettings e = new EngineSettings(d.workers(), d.maxAttempts(), d.timestampWindow(), null, d.lease(),
                true, d.sync());

        assertThat(e.redisPrefix()).isEqualTo(EngineSettings.DEFAULT_REDIS_PREFIX);
        assertThat(e.withRedisPrefix("x:").withWorkers(3).redisPrefix()).isEqualTo("x:");
    }
}
