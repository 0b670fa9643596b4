package io.trackctl.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.trackctl.client.SeventeenTrackException.Kind;
import io.trackctl.client.model.Accepted;
import io.trackctl.client.model.BatchResult;
import io.trackctl.client.model.CarrierChanged;
import io.trackctl.client.model.ChangeCarrierRequest;
import io.trackctl.client.model.ChangeInfoRequest;
import io.trackctl.client.model.Quota;
import io.trackctl.client.model.RealTimeRequest;
import io.trackctl.client.model.RegisterAccepted;
import io.trackctl.client.model.RegisterRequest;
import io.trackctl.client.model.Rejected;
import io.trackctl.client.model.TrackInfoItem;
import io.trackctl.client.model.TrackList;
import io.trackctl.client.model.TrackListQuery;
import io.trackctl.client.model.TrackRef;
import io.trackctl.client.simulator.RecordedRequest;
import io.trackctl.client.simulator.Simulator;
import io.trackctl.client.simulator.SimulatorConfig;
import io.trackctl.core.port.RateLimiter;
import io.trackctl.core.port.TrackingGateway;
import io.trackctl.core.port.TrackingGateway.NumberRef;
import io.trackctl.core.retry.RetryPolicy;
import io.trackctl.core.status.MainStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SeventeenTrackClientTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Simulator sim;
    private SeventeenTrackClient client;

    @BeforeEach
    void start() {
        sim = Simulator.start(SimulatorConfig.defaults().withRateLimit(0));
        client = clientFor(sim, sim.apiKey(), RateLimiter.unlimited());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static SeventeenTrackClient clientFor(Simulator sim, String key, RateLimiter limiter) {
        SeventeenTrackConfig config = SeventeenTrackConfig.of(key).withBaseUrl(sim.baseUri())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(800));
        return new SeventeenTrackClient(HTTP, config, limiter);
    }

    private static List<RegisterRequest> numbers(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> RegisterRequest.of(String.format("%s%09dCN", prefix, i), null))
                .toList();
    }

    @Test
    void registerAcceptsGoodNumbersAndRejectsBadOnesInOneAnswer() {
        BatchResult<RegisterAccepted> result = client.registerAll(List.of(
                RegisterRequest.of("RR123456789CN", null).withTag("ORD-1"),
                RegisterRequest.of("1Z999AA10123456784", 100002),
                RegisterRequest.of("12AB", null),
                RegisterRequest.of("NOPATTERNNUMBER", null)));

        assertThat(result.accepted()).extracting(RegisterAccepted::number, RegisterAccepted::carrier,
                        RegisterAccepted::origin)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RR123456789CN", 3011, 1),
                        org.assertj.core.groups.Tuple.tuple("1Z999AA10123456784", 100002, 2));
        assertThat(result.accepted().getFirst().tag()).isEqualTo("ORD-1");
        assertThat(result.rejected()).extracting(Rejected::number, Rejected::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("12AB", -18010012),
                org.assertj.core.groups.Tuple.tuple("NOPATTERNNUMBER", -18019903));
        assertThat(result.rejected()).extracting(r -> r.error().type())
                .containsExactly(ApiError.FORMAT_INVALID, ApiError.CARRIER_NOT_DETECTED);
    }

    @Test
    void registeringTwiceCountsAsAcceptedAndCostsNoQuota() {
        client.registerAll(List.of(RegisterRequest.of("RR123456789CN", 3011)));

        BatchResult<RegisterAccepted> again = client.registerAll(List.of(RegisterRequest.of("RR123456789CN", 3011)));

        assertThat(again.rejected()).isEmpty();
        assertThat(again.accepted()).singleElement().satisfies(a -> {
            assertThat(a.alreadyRegistered()).isTrue();
            assertThat(a.carrier()).isEqualTo(3011);
        });
        assertThat(client.getQuota().quotaUsed()).isEqualTo(1L);
    }

    @Test
    void ninetyFiveNumbersAreSentAsThreeCallsOfAtMostFortyAndMerged() {
        BatchResult<RegisterAccepted> result = client.registerAll(numbers("RB", 95));

        assertThat(result.accepted()).hasSize(95);
        assertThat(sim.requests("register")).extracting(RecordedRequest::items).containsExactly(40, 40, 15);
    }

    @Test
    void theSimulatorRefusesMoreThanFortyNumbersInOneCall() throws Exception {
        var body = "[" + String.join(",", IntStream.range(0, 41).mapToObj(i -> "{\"number\":\"RR1234567" + (10 + i)
                + "CN\"}").toList()) + "]";
        var request = java.net.http.HttpRequest.newBuilder(sim.baseUri().resolve("register"))
                .header("17token", sim.apiKey()).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();

        var response = HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("-18010014");
    }

    @Test
    void quotaCountsRegistrationsAndKeepsTheDocumentedSpelling() {
        client.registerAll(numbers("RQ", 7));

        Quota quota = client.getQuota();

        assertThat(quota.quotaTotal()).isEqualTo(1000L);
        assertThat(quota.quotaUsed()).isEqualTo(7L);
        assertThat(quota.quotaRemain()).isEqualTo(993L);
        assertThat(quota.todayUsed()).isEqualTo(7L);
        assertThat(quota.freeEmailQuotaUsed()).isZero();
    }

    @Test
    void getTrackInfoReturnsFullTrackInfoAndRejectsUnknownNumbers() {
        client.registerAll(List.of(RegisterRequest.of("RR123456789CN", 3011)));
        sim.advance(Duration.ofDays(4));

        BatchResult<TrackInfoItem> result = client.getTrackInfo(List.of(TrackRef.of("RR123456789CN"),
                TrackRef.of("RR000000000CN")));

        assertThat(result.accepted()).singleElement().satisfies(item -> {
            assertThat(item.trackInfo().milestone()).hasSize(9);
            assertThat(item.trackInfo().tracking().providers()).isNotEmpty();
            assertThat(item.trackInfo().latestEvent()).isNotNull();
        });
        assertThat(result.rejected()).extracting(Rejected::code).containsExactly(-18019902);
    }

    @Test
    void theGatewayPullMapsToCoreSnapshotsThroughTheSnapshotReader() {
        client.register(List.of(new NumberRef("RR123456789CN", 3011)));
        sim.advance(Duration.ofDays(30));

        TrackingGateway.Pull pull = client.pull(List.of(new NumberRef("RR123456789CN", null),
                new NumberRef("RR999999999CN", null)));

        assertThat(pull.snapshots()).singleElement().satisfies(s -> {
            assertThat(s.number()).isEqualTo("RR123456789CN");
            assertThat(s.carrier()).isEqualTo(3011);
            assertThat(s.providers()).hasSize(2);
            assertThat(s.events()).hasSizeGreaterThan(5);
            assertThat(s.status().main()).isNotEqualTo(MainStatus.UNKNOWN).isNotEqualTo(MainStatus.NOT_FOUND);
            assertThat(s.providersHash()).isNotNull();
        });
        assertThat(pull.rejected()).singleElement()
                .satisfies(r -> assertThat(TrackingGateway.isNotRegistered(r.code())).isTrue());
    }

    @Test
    void theGatewayRegisterReportsAlreadyRegisteredAsAccepted() {
        client.register(List.of(new NumberRef("RR123456789CN", null)));

        TrackingGateway.Registration again = client.register(List.of(new NumberRef("RR123456789CN", null),
                new NumberRef("BAD", null)));

        assertThat(again.accepted()).extracting(NumberRef::number).containsExactly("RR123456789CN");
        assertThat(again.rejected()).extracting(TrackingGateway.Rejection::code).containsExactly(-18010012);
    }

    @Test
    void stopRetrackAndDeleteFollowTheServiceRules() {
        client.registerAll(List.of(RegisterRequest.of("RR123456789CN", 3011)));
        TrackRef ref = TrackRef.of("RR123456789CN");

        assertThat(client.retrack(List.of(ref)).rejected()).extracting(Rejected::code).containsExactly(-18019904);
        assertThat(client.stopTrack(List.of(ref)).accepted()).extracting(Accepted::number)
                .containsExactly("RR123456789CN");
        assertThat(client.stopTrack(List.of(ref)).rejected()).extracting(Rejected::code).containsExactly(-18019906);
        assertThat(client.retrack(List.of(ref)).accepted()).hasSize(1);
        client.stopTrack(List.of(ref));
        assertThat(client.retrack(List.of(ref)).rejected()).extracting(Rejected::code).containsExactly(-18019905);
        assertThat(client.deleteTrack(List.of(ref)).accepted()).hasSize(1);
        assertThat(client.deleteTrack(List.of(ref)).rejected()).extracting(Rejected::code).containsExactly(-18019902);
    }

    @Test
    void changeCarrierWaitsForAResultAndStopsAtFiveChanges() {
        client.registerAll(List.of(RegisterRequest.of("RR123456789CN", 3011)));

        assertThat(client.changeCarrier(List.of(ChangeCarrierRequest.of("RR123456789CN", 3011, 21051))).rejected())
                .extracting(Rejected::code).containsExactly(-18019808);
        sim.advance(Duration.ofDays(1));
        assertThat(client.changeCarrier(List.of(ChangeCarrierRequest.of("RR123456789CN", 3011, 3011))).rejected())
                .extracting(Rejected::code).containsExactly(-18019803);
        assertThat(client.changeCarrier(List.of(ChangeCarrierRequest.of("RR123456789CN", 7041, 21051))).rejected())
                .extracting(Rejected::code).containsExactly(-18019805);
        int[] carriers = {21051, 3011, 21051, 3011, 21051};
        int previous = 3011;
        for (int next : carriers) {
            BatchResult<CarrierChanged> ok = client.changeCarrier(
                    List.of(ChangeCarrierRequest.of("RR123456789CN", previous, next)));
            assertThat(ok.accepted()).singleElement().satisfies(c -> assertThat(c.carrierNew()).isEqualTo(next));
            previous = next;
        }
        assertThat(client.changeCarrier(List.of(ChangeCarrierRequest.of("RR123456789CN", previous, 3011))).rejected())
                .extracting(Rejected::code).containsExactly(-18019807);
        client.stopTrack(List.of(TrackRef.of("RR123456789CN")));
    }

    @Test
    void changeInfoSendsTheNewValuesInsideItemsAndTheTrackListShowsThem() {
        client.registerAll(List.of(RegisterRequest.of("RR123456789CN", 3011).withTag("OLD")));

        BatchResult<Accepted> changed = client.changeInfo(List.of(
                new ChangeInfoRequest("RR123456789CN", null, Map.of("tag", "NEW", "remark", "fragile")),
                new ChangeInfoRequest("RR123456789CN", null, Map.of()),
                ChangeInfoRequest.tag("RR000000001CN", null, "X")));
        TrackList list = client.getTrackList(TrackListQuery.numbers(List.of("RR123456789CN")));

        assertThat(changed.accepted()).hasSize(1);
        assertThat(changed.rejected()).extracting(Rejected::code).containsExactly(-18019811, -18019902);
        assertThat(list.items()).singleElement().satisfies(i -> {
            assertThat(i.tag()).isEqualTo("NEW");
            assertThat(i.remark()).isEqualTo("fragile");
            assertThat(i.trackingStatus()).isEqualTo("Tracking");
        });
    }

    @Test
    void trackListPagesByFortyAndFiltersByTrackingStatus() {
        client.registerAll(numbers("RL", 45));
        client.stopTrack(List.of(TrackRef.of("RL000000003CN")));

        TrackList first = client.getTrackList(TrackListQuery.page(1));
        TrackList second = client.getTrackList(TrackListQuery.page(2));
        TrackList stopped = client.getTrackList(TrackListQuery.page(1).withTrackingStatus("Stopped"));

        assertThat(first.page().dataTotal()).isEqualTo(45);
        assertThat(first.page().pageTotal()).isEqualTo(2);
        assertThat(first.items()).hasSize(40);
        assertThat(second.items()).hasSize(5);
        assertThat(stopped.items()).singleElement().satisfies(i -> {
            assertThat(i.number()).isEqualTo("RL000000003CN");
            assertThat(i.stopTrackReason()).isEqualTo("ByRequest");
        });
    }

    @Test
    void realTimeQueriesCostQuotaByCacheLevel() {
        client.registerAll(List.of(RegisterRequest.of("RR123456789CN", 3011)));

        BatchResult<TrackInfoItem> result = client.getRealTimeTrackInfo(List.of(
                new RealTimeRequest("RR123456789CN", 3011, "Instant")));

        assertThat(result.accepted()).hasSize(1);
        assertThat(client.getQuota().quotaUsed()).isEqualTo(11L);
    }

    @Test
    void pushWithoutAWebhookIsRejectedPerNumber() {
        client.registerAll(List.of(RegisterRequest.of("RR123456789CN", 3011)));

        BatchResult<Accepted> result = client.push(List.of(TrackRef.of("RR123456789CN")));

        assertThat(result.rejected()).extracting(Rejected::code).containsExactly(-18010204);
    }

    @Test
    void aWrongKeyIsAnAuthFailureThatIsNotRetryableAndNeverShowsTheKey() {
        String wrong = "WRONG-KEY-0123456789";
        SeventeenTrackClient bad = clientFor(sim, wrong, RateLimiter.unlimited());

        SeventeenTrackException e = catchThrowableOfType(SeventeenTrackException.class, bad::getQuota);

        assertThat(e.kind()).isEqualTo(Kind.AUTH);
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.code()).isEqualTo(-18010002);
        assertThat(e.error()).isEqualTo(ApiError.INVALID_KEY);
        assertThat(e.retryable()).isFalse();
        assertThat(RetryPolicy.isRetryable(e)).isFalse();
        assertThat(e.getMessage()).doesNotContain(wrong);
        assertThat(bad.toString()).doesNotContain(wrong);
    }

    @Test
    void aBurstOf429IsRetryable() {
        sim.faults().rateLimitBurst(2);

        SeventeenTrackException first = catchThrowableOfType(SeventeenTrackException.class, client::getQuota);
        SeventeenTrackException second = catchThrowableOfType(SeventeenTrackException.class, client::getQuota);

        assertThat(List.of(first, second)).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
            assertThat(e.httpStatus()).isEqualTo(429);
            assertThat(RetryPolicy.isRetryable(e)).isTrue();
        });
        assertThat(client.getQuota().quotaTotal()).isEqualTo(1000L);
    }

    @Test
    void theSimulatorAnswers429WhenTheClientIgnoresTheRate() {
        try (Simulator limited = Simulator.start(SimulatorConfig.defaults().withRateLimit(3))) {
            SeventeenTrackClient greedy = clientFor(limited, limited.apiKey(), RateLimiter.unlimited());

            SeventeenTrackException e = catchThrowableOfType(SeventeenTrackException.class, () -> {
                for (int i = 0; i < 10; i++) {
                    greedy.getQuota();
                }
            });

            assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
            assertThat(e.retryable()).isTrue();
            assertThat(limited.requests("getquota")).filteredOn(r -> r.httpStatus() == 200).hasSize(3);
        }
    }

    @Test
    void serverErrorsAreRetryable() {
        sim.faults().serverErrors(1);

        SeventeenTrackException e = catchThrowableOfType(SeventeenTrackException.class, client::getQuota);

        assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void anAnswerSlowerThanTheRequestTimeoutIsARetryableTimeout() {
        sim.faults().slowAnswers(1, Duration.ofMillis(2500));

        SeventeenTrackException e = catchThrowableOfType(SeventeenTrackException.class, client::getQuota);

        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aMalformedBodyIsReportedAsSuchAndRetryable() {
        sim.faults().malformedBodies(1);

        SeventeenTrackException e = catchThrowableOfType(SeventeenTrackException.class, client::getQuota);

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void anUnreachableServiceIsARetryableConnectionFailure() {
        int port = sim.port();
        sim.close();
        SeventeenTrackClient lonely = new SeventeenTrackClient(HTTP, SeventeenTrackConfig.of("K-1234567")
                .withBaseUrl(URI.create("http://127.0.0.1:" + port + "/track/v2.2/")), RateLimiter.unlimited());

        SeventeenTrackException e = catchThrowableOfType(SeventeenTrackException.class, lonely::getQuota);

        assertThat(e.kind()).isEqualTo(Kind.CONNECTION);
        assertThat(RetryPolicy.isRetryable(e)).isTrue();
    }

    @Test
    void anInvalidNumberIsAnItemErrorThatIsNotRetryable() {
        BatchResult<RegisterAccepted> result = client.registerAll(List.of(RegisterRequest.of("!!", null)));

        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.error().type()).isEqualTo(ApiError.FORMAT_INVALID);
            assertThat(r.error().type().retryable()).isFalse();
        });
    }

    @Test
    void aRequestLevelRefusalCarriesTheCodeAndItsRetryability() {
        try (Simulator poor = Simulator.start(SimulatorConfig.defaults().withRateLimit(0).withQuotaTotal(0))) {
            SeventeenTrackClient c = clientFor(poor, poor.apiKey(), RateLimiter.unlimited());

            BatchResult<RegisterAccepted> result = c.registerAll(List.of(RegisterRequest.of("RR123456789CN", 3011)));

            assertThat(result.rejected()).extracting(r -> r.error().type()).containsExactly(ApiError.QUOTA_USED_UP);
        }
        assertThatThrownBy(() -> client.getTrackList(null)).isInstanceOf(SeventeenTrackException.class)
                .satisfies(t -> {
                    SeventeenTrackException e = (SeventeenTrackException) t;
                    assertThat(e.kind()).isEqualTo(Kind.REQUEST_REJECTED);
                    assertThat(e.error()).isEqualTo(ApiError.BODY_INVALID);
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void theRateLimiterKeepsABurstOfTwentyCallsFromManyThreadsWithinTheConfiguredRate() throws Exception {
        int rate = 5;
        try (Simulator limited = Simulator.start(SimulatorConfig.defaults().withRateLimit(rate))) {
            SeventeenTrackClient c = clientFor(limited, limited.apiKey(), SlidingWindowRateLimiter.perSecond(rate));
            List<Thread> threads = IntStream.range(0, 20)
                    .mapToObj(i -> Thread.ofPlatform().start(c::getQuota)).toList();
            for (Thread t : threads) {
                t.join(Duration.ofSeconds(30));
            }

            List<RecordedRequest> seen = limited.requests("getquota");
            assertThat(seen).hasSize(20).allSatisfy(r -> assertThat(r.httpStatus()).isEqualTo(200));
            for (RecordedRequest r : seen) {
                long inWindow = seen.stream().filter(o -> !o.arrivedAt().isBefore(r.arrivedAt())
                        && o.arrivedAt().isBefore(r.arrivedAt().plusSeconds(1))).count();
                assertThat(inWindow).as("requests in the second after %s", r.arrivedAt()).isLessThanOrEqualTo(rate);
            }
            Duration spread = Duration.between(seen.getFirst().arrivedAt(), seen.getLast().arrivedAt());
            assertThat(spread).isGreaterThanOrEqualTo(Duration.ofSeconds(20 / rate - 1));
        }
    }
}
