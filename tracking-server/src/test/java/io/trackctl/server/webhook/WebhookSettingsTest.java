package io.trackctl.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackctl.server.EngineSettings;
import io.trackctl.server.SettingsLoader;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSettingsTest {

    @Test
    void theWebhookLimitTimestampWindowRetriesAndRedisPrefixHaveDefaults() {
        EngineSettings e = SettingsLoader.load(SettingsLoader.Flags.NONE, Map.of()).engine();

        assertThat(e.webhookMaxBytes()).isEqualTo(1024 * 1024);
        assertThat(e.timestampWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(e.maxAttempts()).isEqualTo(3);
        assertThat(e.retryBaseDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(e.retryMaxDelay()).isEqualTo(Duration.ofMinutes(5));
        assertThat(e.redisPrefix()).isEqualTo("trackctl:");
    }

    @Test
    void environmentVariablesSetThem() {
        EngineSettings e = SettingsLoader.load(SettingsLoader.Flags.NONE, Map.of(
                "TRACKCTL_WEBHOOK_MAX_BYTES", "65536", "TRACKCTL_WEBHOOK_TIMESTAMP_WINDOW", "90s",
                "TRACKCTL_RETRY_MAX_ATTEMPTS", "5", "TRACKCTL_RETRY_BASE_DELAY", "1s",
                "TRACKCTL_RETRY_MAX_DELAY", "PT30S", "TRACKCTL_REDIS_PREFIX", "shop-a:")).engine();

        assertThat(e.webhookMaxBytes()).isEqualTo(65536);
        assertThat(e.timestampWindow()).isEqualTo(Duration.ofSeconds(90));
        assertThat(e.maxAttempts()).isEqualTo(5);
        assertThat(e.retryBaseDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(e.retryMaxDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(e.redisPrefix()).isEqualTo("shop-a:");
    }

    @Test
    void aWebhookLimitOrRetryDelaysOutOfRangeAreRefused() {
        assertThatThrownBy(() -> SettingsLoader.load(SettingsLoader.Flags.NONE,
                Map.of("TRACKCTL_WEBHOOK_MAX_BYTES", "10"))).hasMessageContaining("webhook body limit");
        assertThatThrownBy(() -> SettingsLoader.load(SettingsLoader.Flags.NONE,
                Map.of("TRACKCTL_RETRY_BASE_DELAY", "60s", "TRACKCTL_RETRY_MAX_DELAY", "1s")))
                .hasMessageContaining("retry delays");
    }
}
