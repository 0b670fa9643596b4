package io.trackctl.client.simulator;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link Simulator} behaves. {@code toString()} masks the key.
 *
 * @param port               TCP port on 127.0.0.1; 0 picks a free one
 * @param apiKey             the only {@code 17token} accepted; pushes are signed with it too
 * @param webhookUrl         where pushes go; null means no webhook is configured
 * @param seed               makes every generated history reproducible
 * @param rateLimitPerSecond requests per second before HTTP 429; 0 turns the limit off
 * @param pushRetrySchedule  waits (real time) before each retry of a failed push
 * @param startTime          the simulated clock's start
 * @param quotaTotal         registrations the account may make
 */
public record SimulatorConfig(int port, String apiKey, URI webhookUrl, long seed, int rateLimitPerSecond,
                              List<Duration> pushRetrySchedule, Instant startTime, long quotaTotal) {

    public static final String DEFAULT_API_KEY = "SIMULATOR17TRACKKEY";
    /** The retries 17TRACK is reported to make: about 10, 30 and 60 minutes after a failure. */
    public static final List<Duration> REAL_RETRY_SCHEDULE =
            List.of(Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofMinutes(60));
    /** Just before the end of European summer time, so German legs cross the switch to CET. */
    public static final Instant DEFAULT_START = Instant.parse("2026-10-22T08:00:00Z");

    public SimulatorConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey is missing");
        }
        if (webhookUrl != null && !"http".equals(webhookUrl.getScheme()) && !"https".equals(webhookUrl.getScheme())) {
            throw new IllegalArgumentException("webhookUrl must be http or https");
        }
        if (rateLimitPerSecond < 0) {
            throw new IllegalArgumentException("rateLimitPerSecond must be 0 (off) or more");
        }
        pushRetrySchedule = List.copyOf(Objects.requireNonNull(pushRetrySchedule, "pushRetrySchedule"));
        if (pushRetrySchedule.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("push retry waits must not be negative");
        }
        Objects.requireNonNull(startTime, "startTime");
        if (quotaTotal < 0) {
            throw new IllegalArgumentException("quotaTotal must not be negative");
        }
    }

    /** Any free port, the default key, no webhook, seed 17, 3 requests/s, the real retry schedule. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig(0, DEFAULT_API_KEY, null, 17L, 3, REAL_RETRY_SCHEDULE, DEFAULT_START, 1000);
    }

    public SimulatorConfig withPort(int p) {
        return new SimulatorConfig(p, apiKey, webhookUrl, seed, rateLimitPerSecond, pushRetrySchedule, startTime,
                quotaTotal);
    }

    public SimulatorConfig withApiKey(String key) {
        return new SimulatorConfig(port, key, webhookUrl, seed, rateLimitPerSecond, pushRetrySchedule, startTime,
                quotaTotal);
    }

    public SimulatorConfig withWebhookUrl(URI url) {
        return new SimulatorConfig(port, apiKey, url, seed, rateLimitPerSecond, pushRetrySchedule, startTime,
                quotaTotal);
    }

    public SimulatorConfig withSeed(long s) {
        return new SimulatorConfig(port, apiKey, webhookUrl, s, rateLimitPerSecond, pushRetrySchedule, startTime,
                quotaTotal);
    }

    public SimulatorConfig withRateLimit(int perSecond) {
        return new SimulatorConfig(port, apiKey, webhookUrl, seed, perSecond, pushRetrySchedule, startTime,
                quotaTotal);
    }

    public SimulatorConfig withPushRetrySchedule(List<Duration> schedule) {
        return new SimulatorConfig(port, apiKey, webhookUrl, seed, rateLimitPerSecond, schedule, startTime,
                quotaTotal);
    }

    public SimulatorConfig withStartTime(Instant start) {
        return new SimulatorConfig(port, apiKey, webhookUrl, seed, rateLimitPerSecond, pushRetrySchedule, start,
                quotaTotal);
    }

    public SimulatorConfig withQuotaTotal(long total) {
        return new SimulatorConfig(port, apiKey, webhookUrl, seed, rateLimitPerSecond, pushRetrySchedule, startTime,
                total);
    }

    @Override
    public String toString() {
        return "SimulatorConfig[port=" + port + ", apiKey=****, webhookUrl=" + webhookUrl + ", seed=" + seed
                + ", rateLimitPerSecond=" + rateLimitPerSecond + ", pushRetrySchedule=" + pushRetrySchedule
                + ", startTime=" + startTime + ", quotaTotal=" + quotaTotal + "]";
    }
}
