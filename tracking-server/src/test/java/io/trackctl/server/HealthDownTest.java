package io.trackctl.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.port.AlertStore;
import io.trackctl.core.port.CarrierStore;
import io.trackctl.core.port.ImportStore;
import io.trackctl.core.port.SnapshotStore;
import io.trackctl.core.port.WebhookLog;
import io.trackctl.core.port.EventStore;
import io.trackctl.core.port.JobQueue;
import io.trackctl.core.port.OrderStore;
import io.trackctl.core.port.ShopStore;
import io.trackctl.core.port.TrackingStore;
import io.trackctl.store.testing.SqliteTestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the database stops answering, the report says DOWN with a 503 and readiness fails; an
 * unexpected failure is a bare 50001 that tells nothing of its cause.
 */
class HealthDownTest {

    /** A backend whose ping can be made to fail, and whose shop store then fails unexpectedly. */
    private record Switchable(StoreBackend real, AtomicBoolean down) implements Backend {
        public ShopStore shops() {
            ShopStore shops = real.shops();
            return (ShopStore) Proxy.newProxyInstance(ShopStore.class.getClassLoader(), new Class<?>[] {ShopStore.class},
                    (proxy, method, args) -> {
                        if (down.get()) {
                            throw new IllegalStateException("boom: password=hunter2");
                        }
                        try {
                            return method.invoke(shops, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        public CarrierStore carriers() {
            return real.carriers();
        }

        public OrderStore orders() {
            return real.orders();
        }

        public TrackingStore tracking() {
            return real.tracking();
        }

        public EventStore events() {
            return real.events();
        }

        public JobQueue jobs() {
            return real.jobs();
        }

        public SnapshotStore snapshots() {
            return real.snapshots();
        }

        public ImportStore imports() {
            return real.imports();
        }

        public WebhookLog webhooks() {
            return real.webhooks();
        }

        public AlertStore alerts() {
            return real.alerts();
        }

        public void ping() {
            if (down.get()) {
                throw new IllegalStateException("connection refused to secret-host:5432 password=hunter2");
            }
            real.ping();
        }

        public String describe() {
            return real.describe();
        }

        public void close() {
            real.close();
        }
    }

    @TempDir
    Path dir;

    @Test
    void databaseDownMakesTheReportDownAnd503WithoutDetailsOfTheFailure() {
        AtomicBoolean down = new AtomicBoolean(false);
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            ServerSettings settings = new ServerSettings(0, dir, null, null, null, null, List.of(),
                    TestServer.JWT_SECRET, null, 65536, Duration.ofSeconds(1));
            TrackctlServer server = TrackctlServer.start(settings,
                    s -> new Switchable(StoreBackend.open(db.config(), "test"), down));
            try {
                TestServer.Answer up = get(server, "/api/v1/health/ready");
                assertThat(up.status()).isEqualTo(200);
                down.set(true);
                TestServer.Answer report = getWithToken(server, "/api/v1/health");
                assertThat(report.status()).isEqualTo(503);
                assertThat(report.code()).isEqualTo(50301);
                assertThat(report.data().path("status").asText()).isEqualTo("DOWN");
                assertThat(report.data().path("components").path("database").path("status").asText()).isEqualTo("DOWN");
                assertThat(report.body()).doesNotContain("secret-host").doesNotContain("hunter2");
                assertThat(get(server, "/api/v1/health/ready").status()).isEqualTo(503);
                assertThat(get(server, "/api/v1/health/live").status()).isEqualTo(200);

                TestServer.Answer failed = getWithToken(server, "/api/v1/shops");
                assertThat(failed.status()).isEqualTo(500);
                assertThat(failed.code()).isEqualTo(50001);
                assertThat(failed.body()).doesNotContain("hunter2").doesNotContain("boom").doesNotContain("at io.");
            } finally {
                server.stop();
            }
        }
    }

    private static TestServer.Answer get(TrackctlServer server, String path) {
        return ApiClient.of(server).get(path, null);
    }

    private static TestServer.Answer getWithToken(TrackctlServer server, String path) {
        return ApiClient.of(server).get(path, server.tokens().issue(io.trackctl.core.service.Caller.admin(),
                Duration.ofMinutes(5)));
    }
}
