package io.trackctl.server;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds {@link ServerSettings} from three layers, later ones winning: {@code application.yaml}
 * (on the class path, then an optional file), environment variables ({@code TRACKCTL_*}), flags.
 */
public final class SettingsLoader {

    /** Values given as command-line flags; null means "not given". */
    public record Flags(Integer port, Path dataDir, String db, String redis, String seventeenTrackKey,
                        String seventeenTrackUrl, List<String> webhookKeys, Path configFile) {

        public static final Flags NONE = new Flags(null, null, null, null, null, null, null, null);
    }

    private SettingsLoader() {
    }

    public static ServerSettings load(Flags flags, Map<String, String> env) {
        Config yaml = yaml(flags.configFile());
        Config t = yaml.get("trackctl");

        int port = pick(flags.port(), env, "TRACKCTL_PORT", t.get("port").asString().asOptional(),
                s -> parseInt("port", s), ServerSettings.DEFAULT_PORT);
        Path dataDir = pick(flags.dataDir(), env, "TRACKCTL_DATA_DIR", t.get("data-dir").asString().asOptional(),
                Path::of, ServerSettings.DEFAULT_DATA_DIR);
        String db = pick(flags.db(), env, "TRACKCTL_DB", t.get("db").asString().asOptional(), s -> s, null);
        String redis = pick(flags.redis(), env, "TRACKCTL_REDIS", t.get("redis").asString().asOptional(), s -> s, null);
        String key = pick(flags.seventeenTrackKey(), env, "TRACKCTL_17TRACK_KEY",
                t.get("17track.key").asString().asOptional(), s -> s, null);
        URI url = pick(flags.seventeenTrackUrl() == null ? null : uri(flags.seventeenTrackUrl()), env,
                "TRACKCTL_17TRACK_URL", t.get("17track.url").asString().asOptional(), SettingsLoader::uri, null);
        List<String> webhookKeys = flags.webhookKeys() != null && !flags.webhookKeys().isEmpty()
                ? flags.webhookKeys()
                : env(env, "TRACKCTL_WEBHOOK_KEYS").map(SettingsLoader::commaList)
                        .orElseGet(() -> t.get("webhook-keys").asList(String.class).orElse(List.of()));
        String jwt = env(env, "TRACKCTL_JWT_SECRET").or(() -> t.get("jwt-secret").asString().asOptional()).orElse(null);
        String enc = env(env, "TRACKCTL_ENCRYPTION_KEY").or(() -> t.get("encryption-key").asString().asOptional())
                .orElse(null);
        long maxBody = pick(null, env, "TRACKCTL_MAX_BODY_BYTES", t.get("max-body-bytes").asString().asOptional(),
                s -> (long) parseInt("max body size", s), ServerSettings.DEFAULT_MAX_BODY);
        long maxUpload = pick(null, env, "TRACKCTL_MAX_UPLOAD_BYTES", t.get("max-upload-bytes").asString().asOptional(),
                s -> parseLong("max upload size", s), ServerSettings.DEFAULT_MAX_UPLOAD);
        Duration grace = pick(null, env, "TRACKCTL_SHUTDOWN_GRACE", t.get("shutdown-grace").asString().asOptional(),
                SettingsLoader::duration, ServerSettings.DEFAULT_SHUTDOWN_GRACE);
        return new ServerSettings(port, dataDir, db, redis, key, url, webhookKeys, jwt, enc, maxBody, grace,
                engine(env, t), maxUpload);
    }

    private static EngineSettings engine(Map<String, String> env, Config t) {
        EngineSettings d = EngineSettings.defaults();
        Config e = t.get("engine");
        int workers = pick(null, env, "TRACKCTL_WORKERS", e.get("workers").asString().asOptional(),
                s -> parseInt("workers", s), d.workers());
        int attempts = pick(null, env, "TRACKCTL_RETRY_MAX_ATTEMPTS", e.get("max-attempts").asString().asOptional(),
                s -> parseInt("retry max attempts", s), d.maxAttempts());
        Duration window = pick(null, env, "TRACKCTL_WEBHOOK_TIMESTAMP_WINDOW",
                e.get("webhook-timestamp-window").asString().asOptional(), SettingsLoader::duration,
                d.timestampWindow());
        URI alert = pick(null, env, "TRACKCTL_ALERT_WEBHOOK", e.get("alert-webhook").asString().asOptional(),
                SettingsLoader::uri, null);
        boolean scheduler = pick(null, env, "TRACKCTL_SCHEDULER", e.get("scheduler").asString().asOptional(),
                s -> bool("scheduler", s), d.scheduler());
        io.trackctl.core.sync.SyncSettings ds = d.sync();
        Config s = e.get("sync");
        io.trackctl.core.sync.SyncSettings sync = new io.trackctl.core.sync.SyncSettings(
                pick(null, env, "TRACKCTL_SYNC_FRESH_FOR", s.get("fresh-for").asString().asOptional(),
                        SettingsLoader::duration, ds.freshFor()),
                pick(null, env, "TRACKCTL_SYNC_INTERVAL", s.get("interval").asString().asOptional(),
                        SettingsLoader::duration, ds.interval()),
                pick(null, env, "TRACKCTL_SYNC_STALE_AFTER", s.get("stale-after").asString().asOptional(),
                        SettingsLoader::duration, ds.staleAfter()),
                pick(null, env, "TRACKCTL_SYNC_BUDGET", s.get("budget").asString().asOptional(),
                        v -> parseInt("sync budget", v), ds.budgetPerRun()),
                attempts);
        long webhookMax = pick(null, env, "TRACKCTL_WEBHOOK_MAX_BYTES",
                e.get("webhook-max-bytes").asString().asOptional(), v -> (long) parseInt("webhook max bytes", v),
                d.webhookMaxBytes());
        Duration retryBase = pick(null, env, "TRACKCTL_RETRY_BASE_DELAY",
                e.get("retry-base-delay").asString().asOptional(), SettingsLoader::duration, d.retryBaseDelay());
        Duration retryMax = pick(null, env, "TRACKCTL_RETRY_MAX_DELAY",
                e.get("retry-max-delay").asString().asOptional(), SettingsLoader::duration, d.retryMaxDelay());
        Duration lease = pick(null, env, "TRACKCTL_JOB_LEASE", e.get("job-lease").asString().asOptional(),
                SettingsLoader::duration, d.lease());
        String redisPrefix = pick(null, env, "TRACKCTL_REDIS_PREFIX", e.get("redis-prefix").asString().asOptional(),
                v -> v, d.redisPrefix());
        boolean recordRuns = pick(null, env, "TRACKCTL_RECORD_SCHEDULER_RUNS",
                e.get("record-scheduler-runs").asString().asOptional(), v -> bool("record scheduler runs", v),
                d.recordSchedulerRuns());
        return new EngineSettings(workers, attempts, window, alert, lease, scheduler, sync, webhookMax,
                retryBase, retryMax, redisPrefix, recordRuns);
    }

    private static Config yaml(Path file) {
        var builder = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource();
        if (file != null) {
            if (!java.nio.file.Files.isReadable(file)) {
                throw new IllegalArgumentException("configuration file " + file + " cannot be read");
            }
            builder.addSource(ConfigSources.file(file));
        }
        builder.addSource(ConfigSources.classpath("application.yaml").optional());
        return builder.build();
    }

    private static <T> T pick(T flag, Map<String, String> env, String envName, Optional<String> yaml,
                              Function<String, T> parse, T dflt) {
        if (flag != null) {
            return flag;
        }
        Optional<String> fromEnv = env(env, envName);
        if (fromEnv.isPresent()) {
            return parse.apply(fromEnv.get());
        }
        return yaml.filter(s -> !s.isBlank()).map(parse).orElse(dflt);
    }

    private static Optional<String> env(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static List<String> commaList(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    private static int parseInt(String what, String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, got '" + s + "'");
        }
    }

    private static long parseLong(String what, String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, got '" + s + "'");
        }
    }

    private static URI uri(String s) {
        try {
            return URI.create(s.trim());
        } catch (IllegalArgumentException e) {
            // The value is not echoed: an alert webhook URL can carry a token.
            throw new IllegalArgumentException("a URL setting (17track-url or alert webhook) is not a valid URL");
        }
    }

    /** true/false, yes/no, 1/0, on/off; anything else is refused rather than read as false. */
    private static boolean bool(String what, String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException(what + " must be true or false, got '" + s.trim() + "'");
        };
    }

    private static Duration duration(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.matches("\\d+s")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        try {
            return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("shutdown grace must look like 10s or PT10S, got '" + s + "'");
        }
    }
}
