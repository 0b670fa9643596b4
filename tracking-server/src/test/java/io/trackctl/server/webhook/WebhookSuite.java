package io.trackctl.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.trackctl.client.SeventeenTrackClient;
import io.trackctl.client.SeventeenTrackConfig;
import io.trackctl.client.model.RegisterRequest;
import io.trackctl.client.simulator.Simulator;
import io.trackctl.client.simulator.SimulatorConfig;
import io.trackctl.core.model.Alert;
import io.trackctl.core.model.DeliveryOutcome;
import io.trackctl.core.model.DeliveryQuery;
import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.JobStatus;
import io.trackctl.core.model.JobTrigger;
import io.trackctl.core.model.NewJob;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.SyncJob;
import io.trackctl.core.model.SyncJobQuery;
import io.trackctl.core.model.TrackingEvent;
import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.model.WebhookDelivery;
import io.trackctl.core.port.JobQueue;
import io.trackctl.core.port.RateLimiter;
import io.trackctl.core.port.TrackingGateway;
import io.trackctl.core.rules.TrackingState;
import io.trackctl.core.snapshot.Snapshot;
import io.trackctl.core.status.MainStatus;
import io.trackctl.core.testing.Fixtures;
import io.trackctl.core.testing.GeneratedPush;
import io.trackctl.core.testing.NumberHistory;
import io.trackctl.core.testing.PushHistories;
import io.trackctl.core.testing.Signatures;
import io.trackctl.server.Poll;
import io.trackctl.server.ServerSettings;
import io.trackctl.server.TestServer;
import io.trackctl.store.testing.RedisTestServer;
import io.trackctl.store.testing.TestDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The webhook hot path end to end, against one real server per database and queue: fixtures and
 * simulator pushes applied, duplicates and reordering harmless, bad input refused and logged, and
 * failing applies retried, then failed with an alert. Subclasses pick the database and the queue.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebhookSuite {

    static final String KEY = Fixtures.SIGNATURE_KEY;
    static final String SECOND_KEY = "ROTATEDWEBHOOKKEY9876543210ABCD";
    static final String PATH = "/api/v1/webhook/17track";
    static final int WEBHOOK_LIMIT = 16 * 1024;
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String OK = "{\"code\":0,\"message\":\"ok\"}";

    private final List<String> alertPosts = new CopyOnWriteArrayList<>();
    private RedisTestServer redis;
    private HttpServer alertReceiver;
    private FlakyBackend flaky;
    TestServer server;

    /** A fresh database for the suite's server. */
    abstract TestDatabase newDatabase();

    /** True to run the queue on Redis Streams (and the Redis dedupe layer). */
    abstract boolean onRedis();

    @BeforeAll
    void startServer() throws IOException {
        if (onRedis()) {
            redis = RedisTestServer.start();
        }
        alertReceiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        alertReceiver.createContext("/alerts", exchange -> {
            alertPosts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        alertReceiver.start();
        URI alertUrl = URI.create("http://127.0.0.1:" + alertReceiver.getAddress().getPort() + "/alerts");
        server = TestServer.start(newDatabase(), s -> new ServerSettings(s.port(), s.dataDir(), s.db(),
                redis == null ? null : redis.url(), null, null, List.of(KEY, SECOND_KEY), s.jwtSecret(), null,
                s.maxBodyBytes(), s.shutdownGrace(), s.engine().withWorkers(2).withMaxAttempts(3)
                        .withRetryDelays(Duration.ofMillis(50), Duration.ofMillis(200))
                        .withWebhookMaxBytes(WEBHOOK_LIMIT).withAlertWebhook(alertUrl)
                        .withRedisPrefix(redis == null ? null : redis.prefix())),
                b -> flaky = new FlakyBackend(b));
    }

    @AfterAll
    void stopServer() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (alertReceiver != null) {
                alertReceiver.stop(0);
            }
            if (redis != null) {
                redis.close();
            }
        }
    }

    @Test
    void everyWebhookFixtureEndsAsItsExpectedStatusAndEventsInEveryShopHoldingTheNumber() {
        long shopA = newShop();
        long shopB = newShop();
        long yt = server.createTracking(shopA, "YT2400000000000101");
        long lp = server.createTracking(shopA, "LP00000000012345");
        long lxA = server.createTracking(shopA, "LX900000015CN");
        long lxB = server.createTracking(shopB, "LX900000015CN");
        long lxSameCarrier = trackingWithCarrier(newShop(), "LX900000015CN", "3011");
        long lxOtherCarrier = trackingWithCarrier(newShop(), "LX900000015CN", "21051");
        byte[] delivered = Fixtures.bytes(Fixtures.UPDATED_DELIVERED);
        assertThat(Signatures.sign(delivered, KEY)).isEqualTo(Fixtures.UPDATED_DELIVERED_SIGN);

        assertAccepted(send(Fixtures.bytes(Fixtures.UPDATED_INFO_RECEIVED), "sign",
                Signatures.sign(Fixtures.bytes(Fixtures.UPDATED_INFO_RECEIVED), KEY)));
        byte[] customs = Fixtures.bytes(Fixtures.UPDATED_IN_TRANSIT_CUSTOMS);
        assertAccepted(send(customs, "X-17Track-Signature", Signatures.sign(customs, SECOND_KEY)));
        assertAccepted(send(delivered, "sign", Fixtures.UPDATED_DELIVERED_SIGN));

        awaitState(yt, s -> s.status().main() == MainStatus.INFO_RECEIVED);
        awaitState(lp, s -> s.status().main() == MainStatus.IN_TRANSIT);
        awaitState(lxA, s -> s.status().main() == MainStatus.DELIVERED);
        awaitState(lxB, s -> s.status().main() == MainStatus.DELIVERED);
        awaitState(lxSameCarrier, s -> s.status().main() == MainStatus.DELIVERED);
        assertThat(events(yt)).hasSize(1);
        assertThat(events(lp)).hasSize(5);
        assertThat(events(lxA)).hasSize(7);
        assertThat(events(lxB)).hasSize(7);
        assertThat(tracking(lxA).state().deliveredAt()).isNotNull();

        assertAccepted(send(Fixtures.bytes(Fixtures.STOPPED), "sign", Fixtures.STOPPED_SIGN));
        awaitState(lxA, TrackingState::trackingStopped);
        awaitState(lxB, TrackingState::trackingStopped);
        assertThat(tracking(lxA).state().status().main()).isEqualTo(MainStatus.DELIVERED);
        assertThat(events(lxA)).hasSize(7);
        assertThat(tracking(lxOtherCarrier).state()).isEqualTo(TrackingState.EMPTY);
        assertThat(events(lxOtherCarrier)).isEmpty();
        Poll.until(WAIT, () -> outcomes("LX900000015CN"), o -> o.equals(Map.of(DeliveryOutcome.PROCESSED, 2L)));
    }

    @Test
    void aPushForANumberNobodyTracksIsLoggedAsUnknownAndItsJobSucceeds() {
        GeneratedPush push = PushHistories.history(new Random(5), "RR500000005CN").pushes().getFirst();

        assertAccepted(signed(push.json()));

        WebhookDelivery d = Poll.until(WAIT, () -> deliveries("RR500000005CN").getFirst(),
                x -> x.outcome() == DeliveryOutcome.UNKNOWN_NUMBER);
        assertThat(awaitJob(d.id(), JobStatus.SUCCEEDED).attempts()).isEqualTo(1);
    }

    @Test
    void pushesFromTheSimulatorFlowInAndMatchWhatItReports() {
        long shop = newShop();
        List<String> numbers = List.of("RP" + digits(9) + "CN", "RP" + digits(9) + "CN", "RP" + digits(9) + "CN");
        Map<String, Long> ids = new HashMap<>();
        numbers.forEach(n -> ids.put(n, server.createTracking(shop, n)));
        SimulatorConfig config = SimulatorConfig.defaults().withRateLimit(0).withApiKey(SECOND_KEY)
                .withWebhookUrl(URI.create(server.server().url() + PATH)).withSeed(numbers.hashCode())
                .withPushRetrySchedule(List.of(Duration.ofMillis(50), Duration.ofMillis(50)));
        try (Simulator sim = Simulator.start(config)) {
            SeventeenTrackClient client = new SeventeenTrackClient(HttpClient.newHttpClient(),
                    SeventeenTrackConfig.of(sim.apiKey()).withBaseUrl(sim.baseUri()), RateLimiter.unlimited());
            client.registerAll(numbers.stream().map(n -> RegisterRequest.of(n, 3011)).toList());

            sim.advance(Duration.ofDays(1));
            sim.advance(Duration.ofDays(4));
            sim.advance(Duration.ofDays(10));

            List<TrackingGateway.NumberRef> refs = numbers.stream()
                    .map(n -> new TrackingGateway.NumberRef(n, 3011)).toList();
            List<Snapshot> reported = Poll.until(WAIT, () -> client.pull(refs).snapshots(),
                    snapshots -> snapshots.size() == numbers.size()
                            && snapshots.stream().allMatch(s -> matches(ids.get(s.number()), s)));
            assertThat(reported).allSatisfy(s -> assertThat(s.events()).isNotEmpty());
            assertThat(sim.pushAttempts()).isNotEmpty().allMatch(a -> a.httpStatus() == 200);
        }
    }

    @Test
    void pushesSentThreeTimesEachInShuffledOrderEndLikeTheSamePushesSentOnceInOrder() {
        Random random = new Random(20261123L + getClass().getSimpleName().hashCode());
        List<NumberHistory> histories = PushHistories.histories(random, 6);
        long shop = newShop();
        Map<String, Long> once = new HashMap<>();
        Map<String, Long> repeated = new HashMap<>();
        for (NumberHistory h : histories) {
            once.put(h.number(), server.createTracking(shop, h.number()));
            repeated.put(h.number(), server.createTracking(shop, twin(h.number())));
        }
        for (GeneratedPush p : PushHistories.interleaved(random, histories)) {
            assertAccepted(signed(p.json()));
        }
        List<byte[]> shuffled = new ArrayList<>();
        for (NumberHistory h : histories) {
            for (GeneratedPush p : h.pushes()) {
                byte[] body = p.jsonText().replace(h.number(), twin(h.number())).getBytes(StandardCharsets.UTF_8);
                Collections.addAll(shuffled, body, body, body);
            }
        }
        Collections.shuffle(shuffled, random);
        for (byte[] body : shuffled) {
            assertAccepted(signed(body));
        }

        for (NumberHistory h : histories) {
            String twin = twin(h.number());
            Poll.until(WAIT, () -> outcomes(twin), o -> o.getOrDefault(DeliveryOutcome.PROCESSED, 0L)
                    == h.pushes().size());
            assertThat(outcomes(twin)).containsEntry(DeliveryOutcome.DUPLICATE, 2L * h.pushes().size());
            Poll.until(WAIT, () -> outcomes(h.number()), o -> o.getOrDefault(DeliveryOutcome.PROCESSED, 0L)
                    == h.pushes().size());
            TrackingState expected = tracking(once.get(h.number())).state();
            assertThat(tracking(repeated.get(h.number())).state()).isEqualTo(expected);
            assertThat(expected.status().main()).isEqualTo(h.lastSnapshot().status().main());
            assertThat(expected.trackingStopped()).isEqualTo(h.stopped());
            assertThat(comparable(events(repeated.get(h.number())))).isEqualTo(comparable(events(once.get(h.number()))))
                    .hasSize(h.allEvents().size());
        }
    }

    @Test
    void aRepeatedPushIsAnsweredOkAndLoggedAsDuplicateWithoutASecondJob() {
        String number = "LP" + digits(9) + "DE";
        long id = server.createTracking(newShop(), number);
        GeneratedPush push = PushHistories.history(new Random(9), number).pushes().getFirst();
        long jobsBefore = jobCount();

        assertAccepted(signed(push.json()));
        assertAccepted(signed(push.json()));

        Poll.until(WAIT, () -> outcomes(number),
                o -> o.equals(Map.of(DeliveryOutcome.PROCESSED, 1L, DeliveryOutcome.DUPLICATE, 1L)));
        assertThat(tracking(id).state().latestEventAt()).isNotNull();
        assertThat(jobCount()).isEqualTo(jobsBefore + 1);
    }

    /** One refused delivery: what is sent, and the status and log reason it must get. */
    record BadInput(String name, int status, String reason, Sender sender) {

        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Sender {
        TestServer.Answer send(WebhookSuite suite, byte[] validBody);
    }

    Stream<Arguments> badInputs() {
        String stale = String.valueOf(Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond());
        return Stream.of(
                new BadInput("no signature", 401, "MISSING_SIGNATURE", (s, b) -> s.send(b)),
                new BadInput("a signature with a wrong key", 401, "BAD_SIGNATURE",
                        (s, b) -> s.send(b, "sign", Signatures.sign(b, "NOT-THE-CONFIGURED-KEY"))),
                new BadInput("a signature over different bytes", 401, "BAD_SIGNATURE",
                        (s, b) -> s.send(b, "sign", Signatures.sign((new String(b, StandardCharsets.UTF_8) + " ")
                                .getBytes(StandardCharsets.UTF_8), KEY))),
                new BadInput("a stale timestamp", 401, "STALE_TIMESTAMP",
                        (s, b) -> s.send(b, "sign", Signatures.sign(b, KEY), "X-17Track-Timestamp", stale)),
                new BadInput("an empty body", 400, "MALFORMED", (s, b) -> s.signed(new byte[0])),
                new BadInput("a body over the limit", 413, "TOO_LARGE", (s, b) -> s.signed(oversized(b))),
                new BadInput("invalid JSON", 400, "MALFORMED", (s, b) -> s.signed(utf8("{\"event\": \"TRACKING_"))),
                new BadInput("JSON of the wrong shape", 400, "MALFORMED",
                        (s, b) -> s.signed(utf8("[{\"event\":\"TRACKING_UPDATED\"}]"))),
                new BadInput("an unknown event type", 400, "MALFORMED", (s, b) -> s.signed(
                        new String(b, StandardCharsets.UTF_8).replace("TRACKING_UPDATED", "TRACKING_EXPLODED")
                                .getBytes(StandardCharsets.UTF_8)))
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsRefusedWithItsStatusAndALogRowAndChangesNothing(BadInput bad) {
        String number = "EE" + digits(9) + "SG";
        long id = server.createTracking(newShop(), number);
        byte[] valid = PushHistories.history(new Random(3), number).pushes().getFirst().json();
        TrackingState before = tracking(id).state();
        long jobsBefore = jobCount();
        long rejectedBefore = rejectedCount();

        TestServer.Answer answer = bad.sender().send(this, valid);

        assertThat(answer.status()).isEqualTo(bad.status());
        assertThat(answer.code()).isNotZero();
        assertThat(rejectedCount()).isEqualTo(rejectedBefore + 1);
        WebhookDelivery row = newestRejected();
        assertThat(row.error()).startsWith(bad.reason());
        assertThat(row.body().length).isLessThanOrEqualTo(4096);
        assertThat(row.bodyTruncated()).isEqualTo("TOO_LARGE".equals(bad.reason()));
        assertThat(jobCount()).isEqualTo(jobsBefore);
        assertThat(tracking(id).state()).isEqualTo(before);
        assertThat(events(id)).isEmpty();
    }

    @Test
    void aFreshTimestampTheSecondKeyAndAnUppercaseSignatureAreAccepted() {
        String number = "CP" + digits(9) + "US";
        long id = server.createTracking(newShop(), number);
        byte[] body = PushHistories.history(new Random(4), number).pushes().getFirst().json();

        assertAccepted(send(body, "sign", Signatures.sign(body, SECOND_KEY).toUpperCase(java.util.Locale.ROOT),
                "X-17Track-Timestamp", String.valueOf(Instant.now().toEpochMilli())));

        awaitState(id, s -> s.latestEventAt() != null);
    }

    @Test
    void anApplyThatFailsTwiceSucceedsOnItsThirdAttempt() {
        String number = "UA" + digits(9) + "HK";
        long id = server.createTracking(newShop(), number);
        flaky.failTimes(number, 2);
        byte[] body = PushHistories.history(new Random(6), number).pushes().getFirst().json();

        assertAccepted(signed(body));

        WebhookDelivery d = deliveries(number).getFirst();
        SyncJob job = awaitJob(d.id(), JobStatus.SUCCEEDED);
        assertThat(job.attempts()).isEqualTo(3);
        assertThat(tracking(id).state().latestEventAt()).isNotNull();
        assertThat(deliveries(number).getFirst().outcome()).isEqualTo(DeliveryOutcome.PROCESSED);
    }

    @Test
    void twoJobsForOneDeliveryBothSucceedAndAJobNamingNoDeliveryFailsAlone() {
        String number = "UA" + digits(9) + "SG";
        long id = server.createTracking(newShop(), number);
        byte[] body = PushHistories.history(new Random(9), number).pushes().getFirst().json();
        assertAccepted(signed(body));
        WebhookDelivery d = deliveries(number).getFirst();
        awaitJob(d.id(), JobStatus.SUCCEEDED);
        JobQueue queue = server.server().engine().queue();
        NewJob replay = new NewJob(JobKind.APPLY_WEBHOOK, JobTrigger.MANUAL, null, d.id(), 3, null);
        NewJob orphan = new NewJob(JobKind.APPLY_WEBHOOK, JobTrigger.MANUAL, null, null, 3, null);

        List<Long> jobs = queue.enqueue(List.of(replay, orphan, replay));
        queue.signal();

        List<SyncJob> done = Poll.until(WAIT, () -> jobs.stream().map(j -> queue.findJob(j).orElseThrow()).toList(),
                list -> list.stream().allMatch(j -> j.status() == JobStatus.SUCCEEDED || j.status() == JobStatus.FAILED));
        assertThat(done).extracting(SyncJob::status)
                .containsExactly(JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.SUCCEEDED);
        assertThat(done.get(1).lastError()).contains("names no delivery");
        assertThat(deliveries(number).getFirst().outcome()).isEqualTo(DeliveryOutcome.PROCESSED);
        assertThat(tracking(id).state().latestEventAt()).isNotNull();
    }

    @Test
    void anApplyThatAlwaysFailsEndsFailedAfterThreeAttemptsAndRaisesAnAlert() {
        String number = "UA" + digits(9) + "SG";
        long id = server.createTracking(newShop(), number);
        flaky.failAlways(number);
        byte[] body = PushHistories.history(new Random(8), number).pushes().getFirst().json();

        assertAccepted(signed(body));

        SyncJob job = awaitJob(deliveries(number).getFirst().id(), JobStatus.FAILED);
        assertThat(job.attempts()).isEqualTo(3);
        assertThat(job.lastError()).contains("injected failure applying " + number);
        List<Alert> alerts = Poll.until(WAIT, () -> server.store().alerts().listAlerts(PageRequest.of(1, 200)).items(),
                list -> list.stream().anyMatch(a -> Long.valueOf(job.id()).equals(a.jobId())));
        assertThat(alerts).anySatisfy(a -> {
            assertThat(a.jobId()).isEqualTo(job.id());
            assertThat(a.message()).contains("job " + job.id());
        });
        Poll.until(WAIT, () -> alertPosts, posts -> posts.stream().anyMatch(p -> p.contains("job " + job.id() + " ")));
        assertThat(tracking(id).state().latestEventAt()).isNull();
        WebhookDelivery failed = Poll.until(WAIT, () -> deliveries(number).getFirst(),
                d -> d.outcome() == DeliveryOutcome.FAILED);
        assertThat(failed.error()).contains("injected failure applying " + number);
    }

    // --- helpers

    TestServer.Answer send(byte[] body, String... headers) {
        return server.send("POST", PATH, null, "application/json", body, headers);
    }

    TestServer.Answer signed(byte[] body) {
        return send(body, "sign", Signatures.sign(body, KEY));
    }

    static void assertAccepted(TestServer.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(OK);
    }

    long newShop() {
        return server.createShop("Shop " + UUID.randomUUID().toString().substring(0, 8), "shopify");
    }

    long trackingWithCarrier(long shop, String number, String carrierCode) {
        TestServer.Answer a = server.post("/api/v1/tracking", server.adminToken(),
                Map.of("shopId", shop, "trackingNumber", number, "carrierCode", carrierCode));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.data().path("id").asLong();
    }

    TrackingNumber tracking(long id) {
        return server.store().tracking().findTracking(id).orElseThrow();
    }

    void awaitState(long id, Predicate<TrackingState> done) {
        Poll.until(WAIT, () -> tracking(id).state(), done);
    }

    List<TrackingEvent> events(long id) {
        return server.store().events().listEvents(id, PageRequest.of(1, 200)).items();
    }

    List<WebhookDelivery> deliveries(String number) {
        return server.store().webhooks().listDeliveries(new DeliveryQuery(null, number, null, null),
                PageRequest.of(1, 200)).items();
    }

    Map<DeliveryOutcome, Long> outcomes(String number) {
        Map<DeliveryOutcome, Long> counts = new HashMap<>();
        deliveries(number).forEach(d -> counts.merge(d.outcome(), 1L, Long::sum));
        return counts;
    }

    long jobCount() {
        return server.store().jobs().listJobs(new SyncJobQuery(null, null, null, null), PageRequest.of(1, 1)).total();
    }

    long rejectedCount() {
        return server.store().webhooks().listDeliveries(new DeliveryQuery(DeliveryOutcome.REJECTED, null, null, null),
                PageRequest.of(1, 1)).total();
    }

    WebhookDelivery newestRejected() {
        long total = rejectedCount();
        List<WebhookDelivery> all = new ArrayList<>();
        for (int page = 1; (long) (page - 1) * 200 < total; page++) {
            all.addAll(server.store().webhooks().listDeliveries(
                    new DeliveryQuery(DeliveryOutcome.REJECTED, null, null, null), PageRequest.of(page, 200)).items());
        }
        return all.stream().max(Comparator.comparingLong(WebhookDelivery::id)).orElseThrow();
    }

    SyncJob awaitJob(long deliveryId, JobStatus status) {
        return Poll.until(WAIT, () -> applyJob(deliveryId), j -> j != null && j.status() == status);
    }

    /** The apply job of a delivery, or null while there is none. */
    SyncJob applyJob(long deliveryId) {
        SyncJobQuery query = new SyncJobQuery(null, null, JobKind.APPLY_WEBHOOK, null);
        for (int page = 1; ; page++) {
            List<SyncJob> jobs = server.store().jobs().listJobs(query, PageRequest.of(page, 200)).items();
            for (SyncJob j : jobs) {
                if (j.refId() != null && j.refId() == deliveryId) {
                    return j;
                }
            }
            if (jobs.size() < 200) {
                return null;
            }
        }
    }

    boolean matches(Long trackingId, Snapshot snapshot) {
        if (trackingId == null) {
            return false;
        }
        TrackingState state = tracking(trackingId).state();
        return state.status().main() == snapshot.status().main()
                && events(trackingId).size() == snapshot.events().size();
    }

    /** The events of a number without their ids and times of storage, in a stable order. */
    static List<String> comparable(List<TrackingEvent> events) {
        return events.stream()
                .map(e -> e.timeUtc() + "|" + e.localTime() + "|" + e.providerKey() + "|" + e.subStatus() + "|"
                        + e.stage() + "|" + e.description() + "|" + e.location() + "|" + e.contentHash())
                .sorted().toList();
    }

    /** Another number of the same shape that no generated history uses. */
    static String twin(String number) {
        return "ZZ" + number.substring(2);
    }

    static byte[] oversized(byte[] valid) {
        StringBuilder s = new StringBuilder(new String(valid, StandardCharsets.UTF_8));
        s.insert(s.length() - 1, " ".repeat(WEBHOOK_LIMIT));
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final Random NUMBERS = new Random();

    static String digits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(NUMBERS.nextInt(10));
        }
        return s.toString();
    }
}
