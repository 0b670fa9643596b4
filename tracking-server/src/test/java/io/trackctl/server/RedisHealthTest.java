package io.trackctl.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.service.Caller;
import io.trackctl.store.testing.SqliteTestDatabase;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With Redis configured the report checks it: UP when it answers, DEGRADED (not DOWN) when it does not. */
class RedisHealthTest {

    @TempDir
    Path dir;

    @Test
    void unreachableRedisDegradesTheServerWithoutTakingItDown() {
        TestServer.Answer report = healthWith(dir, "redis://127.0.0.1:1");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.data().path("status").asText()).isEqualTo("DEGRADED");
        assertThat(report.data().path("components").path("redis").path("status").asText()).isEqualTo("DOWN");
    }

    @Test
    void reachableRedisIsUp() {
        requireLocalRedis();
        TestServer.Answer report = healthWith(dir, "redis://127.0.0.1:6379");
        assertThat(report.data().path("components").path("redis").path("status").asText()).isEqualTo("UP");
        assertThat(report.data().path("status").asText()).isEqualTo("UP");
    }

    private static TestServer.Answer healthWith(Path dir, String redis) {
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            ServerSettings settings = new ServerSettings(0, dir, null, redis,
                    null, null, List.of(), TestServer.JWT_SECRET, null, 65536, Duration.ofSeconds(1));
            TrackctlServer server = TrackctlServer.start(settings, s -> StoreBackend.open(db.config(), "test"));
            try {
                return ApiClient.of(server).get("/api/v1/health",
                        server.tokens().issue(Caller.admin(), Duration.ofMinutes(1)));
            } finally {
                server.stop();
            }
        }
    }

    private static void requireLocalRedis() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 6379), 1000);
        } catch (Exception e) {
            String message = "Redis on 127.0.0.1:6379 is not reachable; start it to run this test (required when CI=true)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
    }
}
