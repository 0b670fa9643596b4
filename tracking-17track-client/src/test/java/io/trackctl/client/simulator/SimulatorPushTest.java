package io.trackctl.client.simulator;

import io.trackctl.core.testing.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackctl.client.PushReceiver;
import io.trackctl.client.PushReceiver.Received;
import io.trackctl.client.SeventeenTrackClient;
import io.trackctl.client.SeventeenTrackConfig;
import io.trackctl.client.WebhookSignature;
import io.trackctl.client.WireJson;
import io.trackctl.client.model.RegisterRequest;
import io.trackctl.client.model.TrackListQuery;
import io.trackctl.client.model.TrackRef;
import io.trackctl.core.port.RateLimiter;
import io.trackctl.core.snapshot.SnapshotReader;
import io.trackctl.core.snapshot.WebhookEventType;
import io.trackctl.core.snapshot.WebhookPayload;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatorPushTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private PushReceiver receiver;
    private Simulator sim;
    private SeventeenTrackClient client;

    @BeforeEach
    void start() {
        receiver = new PushReceiver();
        sim = Simulator.start(SimulatorConfig.defaults().withRateLimit(0).withWebhookUrl(receiver.url())
                .withPushRetrySchedule(List.of(Duration.ofMillis(30), Duration.ofMillis(30))));
        client = new SeventeenTrackClient(HttpClient.newHttpClient(),
                SeventeenTrackConfig.of(sim.apiKey()).withBaseUrl(sim.baseUri()), RateLimiter.unlimited());
    }

    @AfterEach
    void stop() {
        sim.close();
        receiver.close();
    }

    private static WebhookPayload payload(Received r) {
        return SnapshotReader.readWebhook(r.body());
    }

    private static boolean updated(Received r) {
        return payload(r).type() == WebhookEventType.TRACKING_UPDATED;
    }

    @Test
    void pushesAreSignedWithTheKeyAndCarryFullSnapshots() {
        client.registerAll(List.of(RegisterRequest.of("RP123456789CN", 3011).withTag("ORD-9"),
                RegisterRequest.of("RP223456789CN", 3011)));

        sim.advance(Duration.ofDays(2));

        List<Received> pushes = receiver.awaitAtLeast(2, r -> true, WAIT);
        WebhookSignature verifier = WebhookSignature.of(sim.apiKey());
        assertThat(pushes).allSatisfy(p -> {
            assertThat(verifier.verify(p.body(), p.sign())).isTrue();
            assertThat(WebhookSignature.of("another-key").verify(p.body(), p.sign())).isFalse();
            WebhookPayload payload = payload(p);
            assertThat(payload.type()).isEqualTo(WebhookEventType.TRACKING_UPDATED);
            assertThat(payload.snapshot().events()).isNotEmpty();
            assertThat(payload.snapshot().providersHash()).isNotNull();
        });
        assertThat(pushes).extracting(p -> payload(p).number())
                .containsExactlyInAnyOrder("RP123456789CN", "RP223456789CN");
        assertThat(pushes).filteredOn(p -> payload(p).number().equals("RP123456789CN"))
                .extracting(p -> payload(p).tag()).containsExactly("ORD-9");
    }

    @Test
    void noPushIsSentWhenNothingChanged() {
        client.registerAll(List.of(RegisterRequest.of("RP123456789CN", 3011)));
        sim.advance(Duration.ofDays(2));
        receiver.awaitAtLeast(1, r -> true, WAIT);
        client.registerAll(List.of(RegisterRequest.of("RP999999999CN", 3011)));

        sim.advance(Duration.ofMinutes(1));
        sim.advance(Duration.ofDays(2));

        List<Received> pushes = receiver.awaitAtLeast(3, r -> true, WAIT);
        assertThat(pushes).extracting(p -> payload(p).number())
                .containsExactlyInAnyOrder("RP123456789CN", "RP999999999CN", "RP123456789CN");
    }

    @Test
    void aFailedPushIsRetriedOnTheScheduleUntilItIsDelivered() {
        client.registerAll(List.of(RegisterRequest.of("RP123456789CN", 3011)));
        receiver.failNext(2);

        sim.advance(Duration.ofDays(2));

        List<Received> got = receiver.awaitAtLeast(3, r -> true, WAIT);
        assertThat(got).extracting(Received::answered).containsExactly(503, 503, 200);
        assertThat(Arrays.equals(got.get(0).body(), got.get(2).body())).isTrue();
        List<PushAttempt> attempts = awaitAttempts(3);
        assertThat(attempts).extracting(PushAttempt::attempt).containsExactly(1, 2, 3);
        Duration gap = Duration.between(attempts.get(0).at(), attempts.get(1).at());
        assertThat(gap).isGreaterThanOrEqualTo(Duration.ofMillis(25));
        assertThat(client.getTrackList(TrackListQuery.page(1)).items().getFirst().pushStatus()).isEqualTo("Success");
    }

    @Test
    void aPushIsDroppedAfterTheLastRetryAndTheTrackListShowsTheFailure() {
        client.registerAll(List.of(RegisterRequest.of("RP123456789CN", 3011)));
        receiver.failNext(100);

        sim.advance(Duration.ofDays(2));

        assertThat(awaitAttempts(3)).extracting(PushAttempt::attempt).containsExactly(1, 2, 3);
        var item = client.getTrackList(TrackListQuery.page(1).withPushStatus("Failure")).items();
        assertThat(item).singleElement().satisfies(i -> assertThat(i.pushStatusCode()).isEqualTo(503));
    }

    @Test
    void duplicatePushesCarryIdenticalBodies() {
        client.registerAll(List.of(RegisterRequest.of("RP123456789CN", 3011)));
        sim.faults().duplicatePushes(true);

        sim.advance(Duration.ofDays(2));

        List<Received> got = receiver.awaitAtLeast(2, r -> true, WAIT);
        assertThat(got.get(0).body()).isEqualTo(got.get(1).body());
        assertThat(got.get(0).sign()).isEqualTo(got.get(1).sign());
    }

    @Test
    void outOfOrderPushesDeliverAnOlderSnapshotAfterANewerOne() {
        client.registerAll(List.of(RegisterRequest.of("RP123456789CN", 3011)));
        sim.advance(Duration.ofDays(1));
        receiver.awaitAtLeast(1, r -> true, WAIT);
        sim.faults().outOfOrderPushes(true);

        sim.advance(Duration.ofDays(4));

        List<Received> got = receiver.awaitAtLeast(3, r -> true, WAIT);
        Instant newer = payload(got.get(1)).snapshot().latestEventTime();
        Instant older = payload(got.get(2)).snapshot().latestEventTime();
        assertThat(older).isBefore(newer);
        assertThat(payload(got.get(2)).snapshot().providersHash()).isEqualTo(
                payload(got.get(0)).snapshot().providersHash());
    }

    @Test
    void theAutomaticStopIsPushedAsTrackingStopped() {
        client.registerAll(List.of(RegisterRequest.of("RP123456789CN", 3011).withTag("ORD-5")));

        sim.advance(Duration.ofDays(80));

        List<Received> stopped = receiver.awaitAtLeast(1,
                r -> payload(r).type() == WebhookEventType.TRACKING_STOPPED, WAIT);
        assertThat(stopped).singleElement().satisfies(r -> {
            assertThat(WebhookSignature.of(sim.apiKey()).verify(r.body(), r.sign())).isTrue();
            assertThat(payload(r).hasSnapshot()).isFalse();
            assertThat(payload(r).tag()).isEqualTo("ORD-5");
            assertThat(fieldNames(r.body())).isEqualTo(fieldNames(Fixtures.bytes("webhook-tracking-stopped.json")));
        });
        assertThat(client.getTrackList(TrackListQuery.page(1)).items().getFirst().stopTrackReason())
                .isEqualTo("Expired");
        sim.advance(Duration.ofDays(5));
        assertThat(client.getTrackList(TrackListQuery.page(1).withTrackingStatus("Stopped")).items()).hasSize(1);
    }

    @Test
    void thePushEndpointSendsTheCurrentStateAgain() {
        client.registerAll(List.of(RegisterRequest.of("RP123456789CN", 3011)));
        sim.advance(Duration.ofDays(3));
        Received first = receiver.awaitAtLeast(1, SimulatorPushTest::updated, WAIT).getFirst();

        assertThat(client.push(List.of(TrackRef.of("RP123456789CN"))).accepted()).hasSize(1);

        Received again = receiver.awaitAtLeast(2, SimulatorPushTest::updated, WAIT).get(1);
        assertThat(again.body()).isEqualTo(first.body());
    }

    @Test
    void theConfigIsValidatedAndNeverPrintsTheKey() {
        SimulatorConfig config = SimulatorConfig.defaults().withApiKey("TOP-SECRET-KEY");

        assertThat(config.toString()).doesNotContain("TOP-SECRET-KEY");
        assertThatThrownBy(() -> config.withPort(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.withApiKey(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.withWebhookUrl(URI.create("ftp://x/y")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.withRateLimit(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timeCanRunOnItsOwnForDemos() {
        client.registerAll(List.of(RegisterRequest.of("RP123456789CN", 3011)));
        Instant start = sim.now();

        sim.autoAdvance(Duration.ofMillis(20), Duration.ofHours(6));

        List<Received> pushes = receiver.awaitAtLeast(3, SimulatorPushTest::updated, WAIT);
        assertThat(sim.now()).isAfter(start.plus(Duration.ofHours(12)));
        assertThat(pushes).allSatisfy(p -> assertThat(WebhookSignature.of(sim.apiKey()).verify(p.body(), p.sign()))
                .isTrue());
    }

    private static List<String> fieldNames(byte[] body) {
        try {
            JsonNode root = WireJson.read(body);
            List<String> names = new java.util.ArrayList<>();
            root.fieldNames().forEachRemaining(names::add);
            root.path("data").fieldNames().forEachRemaining(n -> names.add("data/" + n));
            return names;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<PushAttempt> awaitAttempts(int count) {
        Instant deadline = Instant.now().plus(WAIT);
        while (sim.pushAttempts().size() < count) {
            assertThat(Instant.now()).as("waiting for %d push attempts", count).isBefore(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
        return sim.pushAttempts();
    }
}
