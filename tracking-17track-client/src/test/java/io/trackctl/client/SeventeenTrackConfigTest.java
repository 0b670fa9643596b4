package io.trackctl.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SeventeenTrackConfigTest {

    @Test
    void defaultsPointAtTheProductionApiWithTheDocumentedRate() {
        SeventeenTrackConfig config = SeventeenTrackConfig.of("KEY-123456");

        assertThat(config.baseUrl()).isEqualTo(URI.create("https://api.17track.net/track/v2.2/"));
        assertThat(config.requestsPerSecond()).isEqualTo(3);
        assertThat(config.baseUrl().resolve("register").toString())
                .isEqualTo("https://api.17track.net/track/v2.2/register");
    }

    @Test
    void aBaseUrlWithoutTrailingSlashStillResolvesEndpoints() {
        SeventeenTrackConfig config = SeventeenTrackConfig.of("KEY-123456")
                .withBaseUrl(URI.create("http://127.0.0.1:9000/track/v2.4"));

        assertThat(config.baseUrl().resolve("gettrackinfo").toString())
                .isEqualTo("http://127.0.0.1:9000/track/v2.4/gettrackinfo");
    }

    @Test
    void theKeyNeverAppearsInToString() {
        SeventeenTrackConfig config = SeventeenTrackConfig.of("SUPER-SECRET-KEY");

        assertThat(config.toString()).doesNotContain("SUPER-SECRET-KEY").contains("****");
        assertThat(SeventeenTrackClient.create(config).toString()).doesNotContain("SUPER-SECRET-KEY");
    }

    @Test
    void invalidSettingsAreRefusedWithoutEchoingTheKey() {
        SeventeenTrackConfig ok = SeventeenTrackConfig.of("KEY-123456");

        assertThatThrownBy(() -> SeventeenTrackConfig.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeventeenTrackConfig.of("bad key\n")).isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("bad key");
        assertThatThrownBy(() -> ok.withBaseUrl(URI.create("ftp://x/"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.withRequestsPerSecond(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
