package io.trackctl.store;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the store lives: a JDBC URL ({@code jdbc:sqlite:PATH} or {@code jdbc:postgresql://...}),
 * the pool size and, for PostgreSQL, optional credentials. The password never appears in
 * {@link #toString()}.
 */
public record StoreConfig(String jdbcUrl, int poolSize, String user, String password, Duration connectTimeout) {

    public static final int DEFAULT_POOL_SIZE = 8;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    public StoreConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        jdbcUrl = jdbcUrl.trim();
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, got " + poolSize);
        }
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
    }

    /** A config with the default pool size and no credentials. */
    public static StoreConfig of(String jdbcUrl) {
        return new StoreConfig(jdbcUrl, DEFAULT_POOL_SIZE, null, null, null);
    }

    /** The same config with credentials. */
    public StoreConfig withCredentials(String user, String password) {
        return new StoreConfig(jdbcUrl, poolSize, user, password, connectTimeout);
    }

    /** The JDBC URL with any password in it masked, for messages and logs. */
    public String redactedUrl() {
        return redact(jdbcUrl);
    }

    /** A JDBC URL with any password in it (a {@code password=} parameter, {@code user:password@}) masked. */
    public static String redact(String jdbcUrl) {
        return jdbcUrl == null ? null
                : jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1****").replaceAll("//([^:/@]*):[^@/]*@", "//$1:****@");
    }

    @Override
    public String toString() {
        return "StoreConfig[jdbcUrl=" + redactedUrl() + ", poolSize=" + poolSize + ", user=" + user
                + ", password=" + (password == null ? "none" : "****") + "]";
    }
}
