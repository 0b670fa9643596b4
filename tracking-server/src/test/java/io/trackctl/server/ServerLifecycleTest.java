package io.trackctl.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.SyncJobQuery;
import io.trackctl.core.service.Caller;
import io.trackctl.store.testing.SqliteTestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerLifecycleTest {

    @TempDir
    Path dir;

    @Test
    void stopLetsARequestInFlightFinish() throws Exception {
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            TrackctlServer server = start(dir, db, null, Duration.ofSeconds(3));
            String token = server.tokens().issue(Caller.admin(), Duration.ofMinutes(5));
            byte[] body = "{\"shopName\":\"Slow Shop\",\"platform\":\"shopify\"}".getBytes(StandardCharsets.UTF_8);
            CountDownLatch release = new CountDownLatch(1);
            AtomicBoolean started = new AtomicBoolean();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/v1/shops"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SlowBody(body, started, release)))
                    .build();
            CompletableFuture<HttpResponse<String>> response = HttpClient.newHttpClient()
                    .sendAsync(request, HttpResponse.BodyHandlers.ofString());
            await(started::get, "the request body started");

            Thread stopper = Thread.ofPlatform().start(server::stop);
            await(() -> stopper.getState() == Thread.State.WAITING || stopper.getState() == Thread.State.TIMED_WAITING
                    || !stopper.isAlive(), "stop is waiting");
            release.countDown();

            HttpResponse<String> answer = response.get(30, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            stopper.join(Duration.ofSeconds(30));
            assertThat(stopper.isAlive()).isFalse();
        }
    }

    @Test
    void withA17TrackKeyANewNumberIsQueuedForRegistration() throws Exception {
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            TrackctlServer server = start(dir, db, "test-17track-key", Duration.ofSeconds(1));
            try {
                ApiClient client = ApiClient.of(server);
                String admin = server.tokens().issue(Caller.admin(), Duration.ofMinutes(5));
                TestServer.Answer shop = client.post("/api/v1/shops", admin, Map.of("shopName", "R", "platform", "x"));
                TestServer.Answer created = client.post("/api/v1/tracking", admin,
                        Map.of("shopId", shop.data().path("id").asLong(), "trackingNumber", "REG000000001"));
                assertThat(created.status()).isEqualTo(201);
                long id = created.data().path("id").asLong();
                var jobs = server.backend().jobs().listJobs(new SyncJobQuery(id, null, JobKind.REGISTER, null),
                        PageRequest.FIRST);
                assertThat(jobs.items()).hasSize(1);
                assertThat(created.body()).doesNotContain("test-17track-key");
            } finally {
                server.stop();
            }
        }
    }

    private static TrackctlServer start(Path dir, SqliteTestDatabase db, String key, Duration grace) {
        ServerSettings settings = new ServerSettings(0, dir, null, null, key, null, List.of(), TestServer.JWT_SECRET,
                null, 65536, grace);
        return TrackctlServer.start(settings, s -> StoreBackend.open(db.config(), "test"));
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting until " + what).isBefore(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
        }
    }

    /** A request body that sends its first byte at once and the rest only when released. */
    private static final class SlowBody extends InputStream {
        private final byte[] body;
        private final AtomicBoolean started;
        private final CountDownLatch release;
        private int pos;

        SlowBody(byte[] body, AtomicBoolean started, CountDownLatch release) {
            this.body = body;
            this.started = started;
            this.release = release;
        }

        @Override
        public int read() throws IOException {
            if (pos >= body.length) {
                return -1;
            }
            if (pos == 1) {
                started.set(true);
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            return body[pos++];
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int c = read();
            if (c < 0) {
                return -1;
            }
            b[off] = (byte) c;
            return 1;
        }
    }
}
