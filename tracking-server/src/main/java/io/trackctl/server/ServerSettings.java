package io.trackctl.server;

import io.trackctl.store.StoreConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The validated settings of {@code trackctl serve}. Built by {@link SettingsLoader} from
 * {@code application.yaml}, environment variables and flags; {@link #toString()} hides secrets.
 *
 * @param port              HTTP port (0 picks a free one)
 * @param dataDir           where the SQLite file, uploads and generated keys live
 * @param db                JDBC URL of the database (SQLite file in the data directory by default)
 * @param redis             redis:// URL, or null when Redis is not used
 * @param seventeenTrackKey 17TRACK API key, or null (registration and pulls are then not configured)
 * @param seventeenTrackUrl 17TRACK API base URL
 * @param webhookKeys       extra keys webhook signatures are verified with
 * @param jwtSecret         token signing secret (at least 32 bytes), or null to use the generated one
 * @param encryptionKey     base64 of the 32-byte credential key, or null to use the generated one
 * @param maxBodyBytes      the largest request body accepted
 * @param shutdownGrace     how long requests in flight may take to finish on shutdown
 * @param engine            background work: workers, retries, alerts, the sync schedule
 * @param maxUploadBytes    the largest CSV upload accepted (separate from the JSON body limit)
 */
public record ServerSettings(int port, Path dataDir, String db, String redis, String seventeenTrackKey,
                             URI seventeenTrackUrl, List<String> webhookKeys, String jwtSecret, String encryptionKey,
                             long maxBodyBytes, Duration shutdownGrace, EngineSettings engine,
                             long maxUploadBytes) {

    public static final int DEFAULT_PORT = 8080;
    public static final Path DEFAULT_DATA_DIR = Path.of("trackctl-data");
    public static final String DB_FILE = "trackctl.db";
    public static final URI DEFAULT_17TRACK_URL = URI.create("https://api.17track.net/track/v2.2");
    public static final long DEFAULT_MAX_BODY = 10L * 1024 * 1024;
    public static final long DEFAULT_MAX_UPLOAD = 50L * 1024 * 1024;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    public ServerSettings {
        List<String> problems = new ArrayList<>();
        if (port < 0 || port > 65535) {
            problems.add("port must be between 0 and 65535, got " + port);
        }
        dataDir = dataDir == null ? DEFAULT_DATA_DIR : dataDir;
        if (db == null || db.isBlank()) {
            db = sqliteUrl(dataDir.resolve(DB_FILE));
        } else if (!db.startsWith("jdbc:sqlite:") && !db.startsWith("jdbc:postgresql:")) {
            problems.add("db must be a jdbc:sqlite: or jdbc:postgresql: URL");
        }
        redis = blankToNull(redis);
        if (redis != null && !redis.startsWith("redis://") && !redis.startsWith("rediss://")) {
            problems.add("redis must be a redis:// or rediss:// URL");
        }
        seventeenTrackKey = blankToNull(seventeenTrackKey);
        seventeenTrackUrl = seventeenTrackUrl == null ? DEFAULT_17TRACK_URL : seventeenTrackUrl;
        if (seventeenTrackUrl.getScheme() == null || !seventeenTrackUrl.getScheme().startsWith("http")) {
            problems.add("17track-url must be an http or https URL");
        }
        webhookKeys = webhookKeys == null ? List.of()
                : webhookKeys.stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
        jwtSecret = blankToNull(jwtSecret);
        if (jwtSecret != null && jwtSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
            problems.add("jwt secret must be at least 32 bytes");
        }
        encryptionKey = blankToNull(encryptionKey);
        if (encryptionKey != null && !isKey(encryptionKey)) {
            problems.add("encryption key must be base64 of 32 bytes");
        }
        if (maxBodyBytes < 1024) {
            problems.add("max body size must be at least 1024 bytes");
        }
        shutdownGrace = shutdownGrace == null ? DEFAULT_SHUTDOWN_GRACE : shutdownGrace;
        engine = engine == null ? EngineSettings.defaults() : engine;
        maxUploadBytes = maxUploadBytes == 0 ? DEFAULT_MAX_UPLOAD : maxUploadBytes;
        if (maxUploadBytes < 1024) {
            problems.add("max upload size must be at least 1024 bytes");
        }
        if (shutdownGrace.isNegative()) {
            problems.add("shutdown grace must not be negative");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The settings with the default upload limit. */
    public ServerSettings(int port, Path dataDir, String db, String redis, String seventeenTrackKey,
                          URI seventeenTrackUrl, List<String> webhookKeys, String jwtSecret, String encryptionKey,
                          long maxBodyBytes, Duration shutdownGrace, EngineSettings engine) {
        this(port, dataDir, db, redis, seventeenTrackKey, seventeenTrackUrl, webhookKeys, jwtSecret, encryptionKey,
                maxBodyBytes, shutdownGrace, engine, DEFAULT_MAX_UPLOAD);
    }

    /** The settings with the default engine. */
    public ServerSettings(int port, Path dataDir, String db, String redis, String seventeenTrackKey,
                          URI seventeenTrackUrl, List<String> webhookKeys, String jwtSecret, String encryptionKey,
                          long maxBodyBytes, Duration shutdownGrace) {
        this(port, dataDir, db, redis, seventeenTrackKey, seventeenTrackUrl, webhookKeys, jwtSecret, encryptionKey,
                maxBodyBytes, shutdownGrace, null);
    }

    /** Defaults everywhere: port 8080, ./trackctl-data, SQLite inside it. */
    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_PORT, DEFAULT_DATA_DIR, null, null, null, null, List.of(), null, null,
                DEFAULT_MAX_BODY, DEFAULT_SHUTDOWN_GRACE);
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(newPort, dataDir, db, redis, seventeenTrackKey, seventeenTrackUrl, webhookKeys,
                jwtSecret, encryptionKey, maxBodyBytes, shutdownGrace, engine, maxUploadBytes);
    }

    public ServerSettings withEngine(EngineSettings newEngine) {
        return new ServerSettings(port, dataDir, db, redis, seventeenTrackKey, seventeenTrackUrl, webhookKeys,
                jwtSecret, encryptionKey, maxBodyBytes, shutdownGrace, newEngine, maxUploadBytes);
    }

    public ServerSettings withMaxUploadBytes(long bytes) {
        return new ServerSettings(port, dataDir, db, redis, seventeenTrackKey, seventeenTrackUrl, webhookKeys,
                jwtSecret, encryptionKey, maxBodyBytes, shutdownGrace, engine, bytes);
    }

    /** Where uploaded files are kept until their import has run. */
    public Path uploadDir() {
        return dataDir.resolve("uploads");
    }

    /** Every key webhook signatures are checked with: the 17TRACK key first, then the extra ones. */
    public List<String> signingKeys() {
        List<String> keys = new ArrayList<>();
        if (seventeenTrackKey != null) {
            keys.add(seventeenTrackKey);
        }
        keys.addAll(webhookKeys);
        return List.copyOf(keys);
    }

    /**
     * The URL of a SQLite file. The driver takes what follows a {@code ?} for its own parameters,
     * so a path holding one goes as a {@code file:} URL with it escaped, which SQLite decodes.
     */
    static String sqliteUrl(Path file) {
        String path = file.toString();
        return path.indexOf('?') < 0 ? "jdbc:sqlite:" + path
                : "jdbc:sqlite:file:" + file.toAbsolutePath().toUri().getRawPath();
    }

    /** The JDBC URL without any password it may carry. */
    public String dbForDisplay() {
        return StoreConfig.redact(db);
    }

    @Override
    public String toString() {
        return "ServerSettings[port=" + port + ", dataDir=" + dataDir + ", db=" + dbForDisplay()
                + ", redis=" + (redis == null ? "none" : redis.replaceAll("//[^@/]*@", "//****@"))
                + ", 17trackKey=" + (seventeenTrackKey == null ? "none" : "****")
                + ", 17trackUrl=" + seventeenTrackUrl + ", webhookKeys=" + webhookKeys.size()
                + ", jwtSecret=" + (jwtSecret == null ? "generated" : "****")
                + ", encryptionKey=" + (encryptionKey == null ? "generated" : "****")
                + ", maxBodyBytes=" + maxBodyBytes + ", maxUploadBytes=" + maxUploadBytes + ", shutdownGrace=" + shutdownGrace
                + ", workers=" + engine.workers() + ", alertWebhook=" + (engine.alertWebhook() == null ? "none" : "set")
                + "]";
    }

    private static boolean isKey(String b64) {
        try {
            return java.util.Base64.getDecoder().decode(b64.trim()).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
