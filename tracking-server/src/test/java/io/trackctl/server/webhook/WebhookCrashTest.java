package io.trackctl.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.model.DeliveryOutcome;
import io.trackctl.core.model.DeliveryQuery;
import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.JobStatus;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.SyncJob;
import io.trackctl.core.model.SyncJobQuery;
import io.trackctl.core.model.TrackingEvent;
import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.model.WebhookDelivery;
import io.trackctl.core.rules.DedupeKey;
import io.trackctl.core.service.Caller;
import io.trackctl.core.testing.GeneratedPush;
import io.trackctl.core.testing.NumberHistory;
import io.trackctl.core.testing.PushHistories;
import io.trackctl.core.testing.Signatures;
import io.trackctl.server.Poll;
import io.trackctl.server.ServerSettings;
import io.trackctl.server.TestServer;
import io.trackctl.server.auth.TokenService;
import io.trackctl.store.StoreConfig;
import io.trackctl.store.TrackctlStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A 200 means durable: the server runs in a child process, thousands of signed pushes arrive
 * concurrently, the process is killed with SIGKILL in the middle, and a new process on the same
 * SQLite file finishes the work. Every push answered 200 is then applied exactly once.
 */
class WebhookCrashTest {

    private static final String KEY = WebhookSuite.KEY;
    private static final Duration START_WAIT = Duration.ofSeconds(60);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int SENDERS = 16;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Path dataDir;
    private Process process;

    @AfterEach
    void cleanUp() throws IOException {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (dataDir != null) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void everyPushAnsweredOkBeforeASigkillIsAppliedExactlyOnceAfterTheRestart() throws Exception {
        dataDir = Files.createTempDirectory("trackctl-crash-");
        List<NumberHistory> histories = PushHistories.histories(new Random(1123), 420);
        List<GeneratedPush> pushes = PushHistories.interleaved(new Random(7), histories);
        assertThat(pushes.size()).isGreaterThan(2000);

        int port = launch();
        String token = new TokenService(TestServer.JWT_SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC())
                .issue(Caller.admin(), Duration.ofHours(1));
        long shop = createShop(port, token);
        Set<String> tracked = new HashSet<>();
        for (int i = 0; i < histories.size(); i++) {
            if (i % 10 != 0) {
                String number = histories.get(i).number();
                createTracking(port, token, shop, number);
                tracked.add(number);
            }
        }

        AtomicIntegerArray status = sendAll(port, pushes, pushes.size() / 3);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        List<GeneratedPush> acknowledged = new ArrayList<>();
        List<GeneratedPush> unanswered = new ArrayList<>();
        for (int i = 0; i < pushes.size(); i++) {
            (status.get(i) == 200 ? acknowledged : unanswered).add(pushes.get(i));
            assertThat(status.get(i)).isIn(0, 200);
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(pushes.size() / 3);
        assertThat(unanswered).isNotEmpty();

        Instant restartedAt = Instant.now();
        int restarted = launch();
        // What 17TRACK does with pushes that got no 200: it delivers them again.
        AtomicIntegerArray again = sendAll(restarted, unanswered, Integer.MAX_VALUE);
        for (int i = 0; i < unanswered.size(); i++) {
            assertThat(again.get(i)).isEqualTo(200);
        }

        try (TrackctlStore store = TrackctlStore.open(StoreConfig.of("jdbc:sqlite:"
                + dataDir.resolve(ServerSettings.DB_FILE)))) {
            Poll.until(WAIT, () -> store.jobs().queueStats(), s -> s.pending() == 0 && s.running() == 0);
            long resumed = allDeliveries(store).stream().filter(d -> d.processedAt() != null
                    && d.processedAt().isAfter(restartedAt) && acknowledgedKeys(acknowledged).contains(d.dedupeKey()))
                    .count();
            System.out.printf("%d pushes, %d answered 200 before the kill, %d of those applied after the restart%n",
                    pushes.size(), acknowledged.size(), resumed);
            assertThat(resumed).as("acknowledged work left by the killed process, done after the restart").isPositive();
            assertAppliedExactlyOnce(store, acknowledged, tracked);
            assertEveryNumberEndsAsItsHistory(store, histories, tracked);
        }
    }

    private static Set<String> acknowledgedKeys(List<GeneratedPush> acknowledged) {
        Set<String> keys = new HashSet<>();
        acknowledged.forEach(p -> keys.add(DedupeKey.of(p.payload()).text()));
        return keys;
    }

    private static void assertAppliedExactlyOnce(TrackctlStore store, List<GeneratedPush> acknowledged,
                                                 Set<String> tracked) {
        Map<String, List<WebhookDelivery>> byKey = new HashMap<>();
        for (WebhookDelivery d : allDeliveries(store)) {
            if (d.dedupeKey() != null) {
                byKey.computeIfAbsent(d.dedupeKey(), k -> new ArrayList<>()).add(d);
            }
        }
        Map<Long, SyncJob> jobsByDelivery = new HashMap<>();
        for (SyncJob j : allApplyJobs(store)) {
            assertThat(jobsByDelivery.put(j.refId(), j)).as("one job per delivery").isNull();
            assertThat(j.status()).as("job %s", j).isEqualTo(JobStatus.SUCCEEDED);
        }
        for (GeneratedPush p : acknowledged) {
            String key = DedupeKey.of(p.payload()).text();
            List<WebhookDelivery> rows = byKey.getOrDefault(key, List.of());
            List<WebhookDelivery> applied = rows.stream().filter(d -> d.outcome() != DeliveryOutcome.DUPLICATE).toList();
            assertThat(applied).as("deliveries of %s", p).hasSize(1);
            DeliveryOutcome expected = tracked.contains(p.payload().number()) ? DeliveryOutcome.PROCESSED
                    : DeliveryOutcome.UNKNOWN_NUMBER;
            assertThat(applied.getFirst().outcome()).as("outcome of %s", p).isEqualTo(expected);
            assertThat(jobsByDelivery).as("job of %s", p).containsKey(applied.getFirst().id());
        }
    }

    private static void assertEveryNumberEndsAsItsHistory(TrackctlStore store, List<NumberHistory> histories,
                                                          Set<String> tracked) {
        for (NumberHistory h : histories) {
            List<TrackingNumber> stored = store.tracking().findTrackingByNumber(h.number());
            if (!tracked.contains(h.number())) {
                assertThat(stored).isEmpty();
                continue;
            }
            TrackingNumber t = stored.getFirst();
            List<TrackingEvent> events = store.events().listEvents(t.id(), PageRequest.of(1, 200)).items();
            Set<String> identities = new HashSet<>();
            for (TrackingEvent e : events) {
                assertThat(identities.add(e.timeUtc() + "|" + e.providerKey() + "|" + e.contentHash()))
                        .as("event stored once: %s", e).isTrue();
            }
            assertThat(events).as("events of %s", h.number()).hasSize(h.allEvents().size());
            assertThat(t.state().status().main()).isEqualTo(h.lastSnapshot().status().main());
            assertThat(t.state().latestEventAt()).isEqualTo(h.lastSnapshot().latestEventTime());
            assertThat(t.state().trackingStopped()).isEqualTo(h.stopped());
        }
    }

    /**
     * Sends every push from several threads; the process is killed with SIGKILL once {@code killAfter}
     * answers came back. Returns each push's HTTP status (0 when no answer came).
     */
    private AtomicIntegerArray sendAll(int port, List<GeneratedPush> pushes, int killAfter) throws Exception {
        AtomicIntegerArray status = new AtomicIntegerArray(pushes.size());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (int t = 0; t < SENDERS; t++) {
            senders.execute(() -> {
                for (int i = next.getAndIncrement(); i < pushes.size() && System.nanoTime() < deadline;
                     i = next.getAndIncrement()) {
                    status.set(i, post(port, pushes.get(i).json()));
                    if (status.get(i) != 0 && answered.incrementAndGet() == killAfter) {
                        process.destroyForcibly();
                    }
                }
            });
        }
        senders.shutdown();
        assertThat(senders.awaitTermination(WAIT.toSeconds() + 10, TimeUnit.SECONDS)).isTrue();
        return status;
    }

    private int post(int port, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + WebhookSuite.PATH))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("sign", Signatures.sign(body, KEY)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && !WebhookSuite.OK.equals(r.body()) ? -1 : r.statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Starts the server process on the data directory and returns its port. */
    private int launch() throws IOException {
        Path portFile = dataDir.resolve("port");
        Files.deleteIfExists(portFile);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), CrashableServer.class.getName(),
                dataDir.toString(), KEY);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile()));
        process = pb.start();
        Poll.until(START_WAIT, () -> Files.exists(portFile) || !process.isAlive(), done -> done);
        if (!process.isAlive()) {
            throw new IllegalStateException("the server process ended: " + log());
        }
        return Integer.parseInt(Files.readString(portFile).trim());
    }

    private String log() {
        try {
            String all = Files.readString(dataDir.resolve("server.log"));
            return all.substring(Math.max(0, all.length() - 4000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long createShop(int port, String token) {
        return postJson(port, token, "/api/v1/shops", "{\"shopName\":\"Crash\",\"platform\":\"shopify\"}");
    }

    private void createTracking(int port, String token, long shop, String number) {
        postJson(port, token, "/api/v1/tracking", "{\"shopId\":" + shop + ",\"trackingNumber\":\"" + number + "\"}");
    }

    private long postJson(int port, String token, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            return io.trackctl.server.http.Json.MAPPER.readTree(r.body()).path("data").path("id").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<WebhookDelivery> allDeliveries(TrackctlStore store) {
        List<WebhookDelivery> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<WebhookDelivery> items = store.webhooks().listDeliveries(new DeliveryQuery(null, null, null, null),
                    PageRequest.of(page, 200)).items();
            all.addAll(items);
            if (items.size() < 200) {
                return all;
            }
        }
    }

    private static List<SyncJob> allApplyJobs(TrackctlStore store) {
        List<SyncJob> all = new ArrayList<>();
        SyncJobQuery query = new SyncJobQuery(null, null, JobKind.APPLY_WEBHOOK, null);
        for (int page = 1; ; page++) {
            List<SyncJob> items = store.jobs().listJobs(query, PageRequest.of(page, 200)).items();
            all.addAll(items);
            if (items.size() < 200) {
                return all;
            }
        }
    }
}
