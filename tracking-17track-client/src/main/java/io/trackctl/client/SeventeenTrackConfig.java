package io.trackctl.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one {@link SeventeenTrackClient}, checked when built. {@code toString()} masks the key.
 *
 * @param baseUrl          the API root ending in {@code /}, e.g. {@code https://api.17track.net/track/v2.2/}
 * @param apiKey           the security key sent as {@code 17token}
 * @param connectTimeout   how long opening a connection may take (used when the client builds its HttpClient)
 * @param requestTimeout   how long one call may take until the whole answer is in
 * @param requestsPerSecond the client-side request budget for this key
 */
public record SeventeenTrackConfig(URI baseUrl, String apiKey, Duration connectTimeout, Duration requestTimeout,
                                   int requestsPerSecond) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.17track.net/track/v2.2/");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_REQUESTS_PER_SECOND = 3;

    public SeventeenTrackConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("baseUrl must be http or https, got " + baseUrl.getScheme());
        }
        if (!baseUrl.getPath().endsWith("/")) {
            baseUrl = URI.create(baseUrl + "/");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey is missing");
        }
        if (apiKey.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("apiKey may contain only visible ASCII characters");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException("requestsPerSecond must be at least 1, got " + requestsPerSecond);
        }
    }

    /** The production URL, default timeouts and the documented 3 requests per second. */
    public static SeventeenTrackConfig of(String apiKey) {
        return new SeventeenTrackConfig(DEFAULT_BASE_URL, apiKey, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_REQUESTS_PER_SECOND);
    }

    public SeventeenTrackConfig withBaseUrl(URI url) {
        return new SeventeenTrackConfig(url, apiKey, connectTimeout, requestTimeout, requestsPerSecond);
    }

    public SeventeenTrackConfig withTimeouts(Duration connect, Duration request) {
        return new SeventeenTrackConfig(baseUrl, apiKey, connect, request, requestsPerSecond);
    }

    public SeventeenTrackConfig withRequestsPerSecond(int perSecond) {
        return new SeventeenTrackConfig(baseUrl, apiKey, connectTimeout, requestTimeout, perSecond);
    }

    @Override
    public String toString() {
        return "SeventeenTrackConfig[baseUrl=" + baseUrl + ", apiKey=****, connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", requestsPerSecond=" + requestsPerSecond + "]";
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
