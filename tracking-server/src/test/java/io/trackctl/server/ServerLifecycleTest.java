package io.trackctl.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.SyncJobQuery;
import io.trackctl.core.service.Caller;
import io.trackctl.store.testing.SqliteTestDatabase;
import java.io.OutputStream;
import java.net.Socket;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerLifecycleTest {

    @TempDir
    Path dir;

    @Test
    void stopLetsARequestInFlightFinishAndRefusesNewOnes() throws Exception {
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            TrackctlServer server = start(dir, db, null, Duration.ofSeconds(30));
            String token = server.tokens().issue(Caller.admin(), Duration.ofMinutes(5));
            byte[] body = "{\"shopName\":\"Slow Shop\",\"platform\":\"shopify\"}".getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                // The head and the first byte of the body: the handler starts and waits for the rest.
                out.write(("POST /api/v1/shops HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, 1);
                out.flush();
                await(() -> server.requestsInFlight() == 1, "the server is handling the request");

                Thread stopper = Thread.ofPlatform().start(server::stop);
                await(server::stopping, "the stop has begun");
                // While it waits, a new request is refused, and its connection closed with its body unread.
                try (Socket other = new Socket("127.0.0.1", server.port())) {
                    other.setSoTimeout(10_000);
                    other.getOutputStream().write(("POST /webhook/17track HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    other.getOutputStream().write(body);
                    other.getOutputStream().flush();
                    String refused = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(refused).startsWith("HTTP/1.1 503").contains("50301").contains("stopping")
                            .containsIgnoringCase("connection: close");
                    // One answer: the refused body was not read as a request of its own.
                    assertThat(refused.split("HTTP/1\\.1 ", -1)).hasSize(2);
                }
                assertThat(stopper.isAlive()).isTrue();

                out.write(body, 1, body.length - 1);
                out.flush();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).startsWith("HTTP/1.1 201").contains("Slow Shop");
                stopper.join(Duration.ofSeconds(30));
                assertThat(stopper.isAlive()).isFalse();
            }
        }
    }

    @Test
    void aStopRightAfterAnAnswerOnAKeptAliveConnectionDoesNotWaitOutTheGrace() throws Exception {
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            Duration grace = Duration.ofSeconds(60);
            TrackctlServer server = start(dir, db, null, grace);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<Void> live = client.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + server.port() + "/api/v1/health/live")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(live.statusCode()).isEqualTo(200);

            // The client keeps its connection open; the listener used to wait the whole grace for it.
            long start = System.nanoTime();
            server.stop();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).isLessThan(Duration.ofSeconds(15));
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
}
