package io.trackctl.cli;

import io.trackctl.client.simulator.Simulator;
import io.trackctl.client.simulator.SimulatorConfig;
import io.trackctl.core.model.NewShop;
import io.trackctl.core.model.NewTrackingNumber;
import io.trackctl.core.port.TrackingStore;
import io.trackctl.core.service.Caller;
import io.trackctl.server.auth.TokenService;
import io.trackctl.store.TrackctlStore;
import io.trackctl.store.redis.RedisConnection;
import io.trackctl.store.testing.PostgresTestDatabase;
import io.trackctl.store.testing.RedisTestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Several {@code trackctl serve} processes sharing one throwaway PostgreSQL database, one Redis
 * (under a key prefix of its own, deleted afterwards) and one 17TRACK simulator, as in a scale-out
 * deployment: same 17TRACK key and URL, same token secret and credential key, each with its own
 * data directory and port.
 */
final class ScaleOutCluster implements AutoCloseable {

    static final String API_KEY = "SCALEOUT17TRACKKEY0123456789AB";
    static final String JWT_SECRET = "scale-out-test-secret-scale-out-test-secret-0123";
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final PostgresTestDatabase db;
    private final RedisTestServer redis;
    private final Simulator simulator;
    private final TrackctlStore store;
    private final Path dir;
    private final List<ServeProcess> instances = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String adminToken;

    private ScaleOutCluster(PostgresTestDatabase db, RedisTestServer redis, Simulator simulator, TrackctlStore store,
                            Path dir) {
        this.db = db;
        this.redis = redis;
        this.simulator = simulator;
        this.store = store;
        this.dir = dir;
        this.adminToken = new TokenService(JWT_SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC())
                .issue(Caller.admin(), Duration.ofHours(2));
    }

    /**
     * Makes the database (migrated by an in-test store before any instance starts), the Redis prefix
     * and a simulator allowing {@code ratePerSecond} requests per second; no instance runs yet.
     */
    static ScaleOutCluster prepare(int ratePerSecond) {
        PostgresTestDatabase db = PostgresTestDatabase.create();
        RedisTestServer redis = null;
        Simulator sim = null;
        try {
            redis = RedisTestServer.start();
            sim = Simulator.start(SimulatorConfig.defaults().withApiKey(API_KEY).withRateLimit(ratePerSecond)
                    .withQuotaTotal(1_000_000));
            TrackctlStore store = TrackctlStore.open(db.config());
            return new ScaleOutCluster(db, redis, sim, store, Files.createTempDirectory("trackctl-scale-out-"));
        } catch (IOException | RuntimeException e) {
            if (sim != null) {
                sim.close();
            }
            if (redis != null) {
                redis.close();
            }
            db.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** Starts {@code n} more instances in parallel with the scale-out settings plus {@code extraEnv}. */
    void startInstances(int n, Map<String, String> extraEnv) {
        List<CompletableFuture<ServeProcess>> starting = new ArrayList<>();
        int first = instances.size();
        for (int i = first; i < first + n; i++) {
            String name = "serve-" + i;
            starting.add(CompletableFuture.supplyAsync(() -> ServeProcess.start(name, dir, args(name),
                    env(extraEnv), START_TIMEOUT)));
        }
        for (CompletableFuture<ServeProcess> s : starting) {
            instances.add(s.join());
        }
    }

    private List<String> args(String name) {
        return List.of("--data-dir", dir.resolve(name).toString(), "--db", jdbcUrlWithUser(),
                "--redis", redis.url(), "--17track-key", API_KEY, "--17track-url", simulator.baseUri().toString());
    }

    private Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TRACKCTL_JWT_SECRET", JWT_SECRET);
        env.put("TRACKCTL_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        env.put("TRACKCTL_REDIS_PREFIX", redis.prefix());
        env.put("TRACKCTL_JOB_LEASE", "10s");
        env.put("TRACKCTL_RECORD_SCHEDULER_RUNS", "true");
        env.put("TRACKCTL_SHUTDOWN_GRACE", "2s");
        env.putAll(extra);
        return env;
    }

    private String jdbcUrlWithUser() {
        String user = System.getenv().getOrDefault("TRACKCTL_PG_USER", "postgres");
        String password = System.getenv("TRACKCTL_PG_PASSWORD");
        return db.jdbcUrl() + "?user=" + user + (password == null || password.isBlank() ? "" : "&password=" + password);
    }

    List<ServeProcess> instances() {
        return instances;
    }

    List<ServeProcess> alive() {
        return instances.stream().filter(ServeProcess::alive).toList();
    }

    Simulator simulator() {
        return simulator;
    }

    RedisConnection redis() {
        return redis.connection();
    }

    TrackctlStore store() {
        return store;
    }

    HttpClient http() {
        return http;
    }

    /** A new shop holding {@code numbers}; when {@code synced}, they count as synced now (the scheduler leaves them). */
    List<Long> createNumbers(String shopName, List<String> numbers, boolean synced) {
        long shop = store.shops().create(new NewShop(shopName, "shopify", null, null, null, null, null)).id();
        List<Long> ids = new ArrayList<>();
        List<NewTrackingNumber> batch = new ArrayList<>();
        for (String n : numbers) {
            batch.add(new NewTrackingNumber(shop, null, null, n, null, null, "api", null, null));
            if (batch.size() == 500) {
                ids.addAll(created(store.tracking().createTrackingBatch(batch)));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            ids.addAll(created(store.tracking().createTrackingBatch(batch)));
        }
        if (synced) {
            store.tracking().markSynced(ids, Instant.now());
        }
        return ids;
    }

    private static List<Long> created(List<TrackingStore.CreateOutcome> outcomes) {
        return outcomes.stream().map(o -> switch (o) {
            case TrackingStore.Created c -> c.tracking().id();
            case TrackingStore.Duplicate d -> throw new IllegalStateException("number created twice: " + d);
        }).toList();
    }

    /** An authenticated JSON request to one instance; returns status and body. */
    HttpResponse<String> call(ServeProcess instance, String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + adminToken);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A plain JDBC connection to the shared database, for checks. */
    Connection jdbc() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", System.getenv().getOrDefault("TRACKCTL_PG_USER", "postgres"));
        String password = System.getenv("TRACKCTL_PG_PASSWORD");
        if (password != null) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection(db.jdbcUrl(), p);
    }

    /** The last log lines of every instance, for a failure message. */
    String logs() {
        StringBuilder sb = new StringBuilder();
        for (ServeProcess p : instances) {
            sb.append("---- ").append(p.name()).append(" (pid ").append(p.pid()).append(p.alive() ? ", alive" : ", gone")
                    .append(")\n").append(p.logTail(25)).append('\n');
        }
        return sb.toString();
    }

    @Override
    public void close() {
        try {
            for (ServeProcess p : instances) {
                p.close();
            }
        } finally {
            try {
                store.close();
                simulator.close();
                redis.close();
            } finally {
                db.close();
                try (Stream<Path> paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a temporary directory left behind is not a test failure
                }
            }
        }
    }
}
