package io.trackctl.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackctl.core.service.Caller;
import io.trackctl.server.http.Json;
import io.trackctl.store.testing.PostgresTestDatabase;
import io.trackctl.store.testing.SqliteTestDatabase;
import io.trackctl.store.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A real server on a free port over a throwaway database, with a small HTTP client. */
public final class TestServer implements AutoCloseable {

    /** One HTTP answer: status, headers, raw body and its JSON (null when not JSON). */
    public record Answer(int status, HttpHeaders headers, String body, JsonNode json) {

        public int code() {
            return json.path("code").asInt(-1);
        }

        public JsonNode data() {
            return json.path("data");
        }
    }

    public static final String JWT_SECRET = "test-secret-test-secret-test-secret-0123456789";

    private final TestDatabase database;
    private final Path dataDir;
    private final TrackctlServer server;
    private final io.trackctl.store.TrackctlStore store;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(TestDatabase database, Path dataDir, TrackctlServer server,
                       io.trackctl.store.TrackctlStore store) {
        this.database = database;
        this.store = store;
        this.dataDir = dataDir;
        this.server = server;
    }

    public static TestServer sqlite() {
        return start(SqliteTestDatabase.create());
    }

    public static TestServer postgres() {
        return start(PostgresTestDatabase.create());
    }

    public static TestServer start(TestDatabase db) {
        return start(db, s -> s);
    }

    /** A server whose settings {@code tweak} adjusts (webhook keys, Redis, a 17TRACK URL...). */
    public static TestServer start(TestDatabase db, java.util.function.UnaryOperator<ServerSettings> tweak) {
        return start(db, tweak, b -> b);
    }

    /** With the backend as {@code wrap} returns it (a decorator that injects failures, for one). */
    public static TestServer start(TestDatabase db, java.util.function.UnaryOperator<ServerSettings> tweak,
                                   java.util.function.UnaryOperator<Backend> wrap) {
        try {
            Path dir = Files.createTempDirectory("trackctl-server-");
            ServerSettings settings = tweak.apply(new ServerSettings(0, dir, null, null, null, null, List.of(),
                    JWT_SECRET, null, 64 * 1024, Duration.ofSeconds(2)));
            io.trackctl.store.TrackctlStore[] opened = new io.trackctl.store.TrackctlStore[1];
            TrackctlServer server = TrackctlServer.start(settings, s -> {
                StoreBackend backend = StoreBackend.open(db.config(), "test");
                opened[0] = backend.store();
                return wrap.apply(backend);
            });
            return new TestServer(db, dir, server, opened[0]);
        } catch (IOException e) {
            db.close();
            throw new UncheckedIOException(e);
        }
    }

    public TrackctlServer server() {
        return server;
    }

    /** The store under the server, for setting up what the API cannot create (events, orders). */
    public io.trackctl.store.TrackctlStore store() {
        return store;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String adminToken() {
        return server.tokens().issue(Caller.admin(), Duration.ofHours(1));
    }

    public String shopToken(long shopId) {
        return server.tokens().issue(Caller.shop(shopId), Duration.ofHours(1));
    }

    public Answer get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    public Answer post(String path, String token, Object body) {
        return send("POST", path, token, "application/json", Json.bytes(body));
    }

    public Answer put(String path, String token, Object body) {
        return send("PUT", path, token, "application/json", Json.bytes(body));
    }

    public Answer delete(String path, String token) {
        return send("DELETE", path, token, null, null);
    }

    public Answer delete(String path, String token, Object body) {
        return send("DELETE", path, token, "application/json", Json.bytes(body));
    }

    public Answer send(String method, String path, String token, String contentType, byte[] body) {
        return ApiClient.send(http, server.port(), method, path, token, contentType, body);
    }

    /** With extra headers given as name, value pairs. */
    public Answer send(String method, String path, String token, String contentType, byte[] body, String... headers) {
        return ApiClient.send(http, server.port(), method, path, token, contentType, body, headers);
    }

    /** Creates a shop as admin and returns its id. */
    public long createShop(String name, String platform) {
        Answer a = post("/api/v1/shops", adminToken(), Map.of("shopName", name, "platform", platform));
        if (a.status() != 201) {
            throw new IllegalStateException("shop not created: " + a.body());
        }
        return a.data().path("id").asLong();
    }

    /** Creates a tracking number as admin and returns its id. */
    public long createTracking(long shopId, String number) {
        Answer a = post("/api/v1/tracking", adminToken(), Map.of("shopId", shopId, "trackingNumber", number));
        if (a.status() != 201) {
            throw new IllegalStateException("tracking not created: " + a.body());
        }
        return a.data().path("id").asLong();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            database.close();
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
