package io.trackctl.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackctl.client.simulator.RecordedRequest;
import io.trackctl.client.simulator.Simulator;
import io.trackctl.client.simulator.SimulatorConfig;
import io.trackctl.core.model.Alert;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.sync.SyncSettings;
import io.trackctl.store.testing.SqliteTestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Registration and pulls against the 17TRACK simulator over real sockets: batches of 40,
 * triggers to stored events, freshness, retries of 429 and 500, permanent refusals.
 */
class SyncFlowTest {

    private Simulator sim;
    private TestServer server;
    private String admin;
    private long shop;

    @BeforeEach
    void start() {
        sim = Simulator.start(SimulatorConfig.defaults().withPort(0).withRateLimit(0));
        server = TestServer.start(SqliteTestDatabase.create(), s -> new ServerSettings(s.port(), s.dataDir(), s.db(),
                null, sim.apiKey(), sim.baseUri(), List.of(), s.jwtSecret(), null, s.maxBodyBytes(),
                s.shutdownGrace(), new EngineSettings(2, 4, null, null, null, false,
                        new SyncSettings(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofHours(6), 400, 4))));
        admin = server.adminToken();
        shop = server.createShop("Sync shop", "shopify");
    }

    @AfterEach
    void stop() {
        server.close();
        sim.close();
    }

    @Test
    void newNumbersAreRegisteredInBatchesOfAtMostForty() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            items.add(Map.of("trackingNumber", String.format("LX%09dCN", i)));
        }
        TestServer.Answer a = server.post("/api/v1/tracking/batch", admin, Map.of("shopId", shop, "items", items));
        assertThat(a.status()).as(a.body()).isEqualTo(201);

        Poll.until(Duration.ofSeconds(30), () -> registered(), n -> n == 100);

        List<RecordedRequest> calls = sim.requests("register");
        assertThat(calls).allMatch(r -> r.items() <= 40 && r.items() > 0);
        assertThat(calls.stream().mapToInt(RecordedRequest::items).sum()).isEqualTo(100);
        assertThat(calls).anyMatch(r -> r.items() == 40);
        assertThat(sim.numbers()).hasSize(100);
        JsonNode jobs = server.get("/api/v1/sync/jobs?kind=register&status=succeeded&pageSize=1", admin).data();
        assertThat(jobs.path("total").asInt()).isEqualTo(100);

        // pulls of the same 100 numbers go out at most 40 per gettrackinfo call
        List<Long> ids = new ArrayList<>();
        for (int page = 1; page <= 2; page++) {
            server.get("/api/v1/tracking?pageSize=50&page=" + page, admin).data().path("items")
                    .forEach(t -> ids.add(t.path("id").asLong()));
        }
        sim.clearRequests();
        TestServer.Answer t = server.post("/api/v1/sync/trigger", admin, Map.of("trackingIds", ids));
        assertThat(t.data().path("jobs")).hasSize(100);
        Poll.until(Duration.ofSeconds(30), () -> server.get("/api/v1/sync/jobs?kind=pull&status=succeeded&pageSize=1",
                admin).data().path("total").asInt(), n -> n == 100);
        List<RecordedRequest> pulls = sim.requests("gettrackinfo");
        assertThat(pulls).allMatch(r -> r.items() <= 40 && r.items() > 0);
        assertThat(pulls.stream().mapToInt(RecordedRequest::items).sum()).isEqualTo(100);
        assertThat(sim.requests("register")).isEmpty();
    }

    @Test
    void aTriggeredPullStoresTheEventsAndAFreshNumberIsSkippedUnlessForced() {
        long id = server.createTracking(shop, "LX000000101US");
        long other = server.createTracking(shop, "LX000000102US");
        Poll.until(Duration.ofSeconds(20), this::registered, n -> n == 2);
        sim.advance(Duration.ofDays(4));

        TestServer.Answer t = server.post("/api/v1/sync/trigger", admin, Map.of("trackingIds", List.of(id, 987654)));
        assertThat(t.status()).as(t.body()).isEqualTo(202);
        assertThat(t.data().path("jobs")).hasSize(1);
        assertThat(t.data().path("notFound").get(0).asLong()).isEqualTo(987654);
        long jobId = t.data().path("jobs").get(0).path("jobId").asLong();
        awaitJob(id, jobId, "succeeded");

        JsonNode detail = server.get("/api/v1/tracking/" + id, admin).data();
        assertThat(detail.path("events").path("total").asInt()).isPositive();
        assertThat(detail.path("tracking").path("lastSyncAt").isNull()).isFalse();
        assertThat(detail.path("tracking").path("registration").asText()).isEqualTo("registered");

        TestServer.Answer again = server.post("/api/v1/sync/trigger", admin, Map.of("trackingIds", List.of(id, other)));
        assertThat(again.data().path("skippedFresh")).extracting(JsonNode::asLong).containsExactly(id);
        assertThat(again.data().path("jobs").get(0).path("trackingId").asLong()).isEqualTo(other);

        TestServer.Answer forced = server.post("/api/v1/sync/trigger", admin,
                Map.of("trackingIds", List.of(id), "forcePull", true));
        assertThat(forced.data().path("jobs")).hasSize(1);
        assertThat(forced.data().path("skippedFresh")).isEmpty();
        awaitJob(id, forced.data().path("jobs").get(0).path("jobId").asLong(), "succeeded");
        JsonNode listed = server.get("/api/v1/sync/jobs?trackingId=" + id + "&kind=pull", admin).data();
        assertThat(listed.path("total").asInt()).isEqualTo(2);
    }

    @Test
    void aPullOfANumber17trackDoesNotKnowRegistersItAndPullsAgain() {
        long id = ((io.trackctl.core.port.TrackingStore.Created) server.store().tracking().createTracking(
                new io.trackctl.core.model.NewTrackingNumber(shop, null, null, "LX000000501US", null, null, "api",
                        null, null))).tracking().id();
        sim.clearRequests();

        TestServer.Answer t = server.post("/api/v1/sync/trigger", admin, Map.of("trackingIds", List.of(id)));
        awaitJob(id, t.data().path("jobs").get(0).path("jobId").asLong(), "succeeded");

        assertThat(sim.requests()).extracting(RecordedRequest::endpoint)
                .containsExactly("gettrackinfo", "register", "gettrackinfo");
        JsonNode tracking = server.get("/api/v1/tracking/" + id, admin).data().path("tracking");
        assertThat(tracking.path("registration").asText()).isEqualTo("registered");
        assertThat(tracking.path("lastSyncAt").isNull()).isFalse();
        assertThat(sim.numbers()).contains("LX000000501US");
    }

    @Test
    void aRateLimitBurstAndServerErrorsAreRetriedToSuccess() {
        long id = server.createTracking(shop, "LX000000201US");
        Poll.until(Duration.ofSeconds(20), this::registered, n -> n == 1);
        sim.advance(Duration.ofDays(3));
        sim.clearRequests();
        sim.faults().rateLimitBurst(1).serverErrors(1);

        TestServer.Answer t = server.post("/api/v1/sync/trigger", admin,
                Map.of("trackingIds", List.of(id), "forcePull", true));
        long jobId = t.data().path("jobs").get(0).path("jobId").asLong();

        JsonNode job = awaitJob(id, jobId, "succeeded");
        assertThat(job.path("attempts").asInt()).isEqualTo(3);
        assertThat(sim.requests("gettrackinfo")).extracting(RecordedRequest::httpStatus).containsExactly(429, 500, 200);
        assertThat(server.get("/api/v1/tracking/" + id, admin).data().path("events").path("total").asInt()).isPositive();
    }

    @Test
    void aPermanentRefusalEndsFailedWithAnAlertAndTheReasonOnTheNumber() {
        long id = server.createTracking(shop, "ZZUNKNOWN0001");

        JsonNode job = Poll.until(Duration.ofSeconds(20),
                () -> server.get("/api/v1/sync/jobs?trackingId=" + id + "&kind=register", admin).data().path("items"),
                items -> items.size() == 1 && items.get(0).path("status").asText().equals("failed")).get(0);

        assertThat(job.path("attempts").asInt()).isEqualTo(1);
        assertThat(job.path("lastError").asText()).contains("-18019903");
        JsonNode tracking = server.get("/api/v1/tracking/" + id, admin).data().path("tracking");
        assertThat(tracking.path("registration").asText()).isEqualTo("rejected");
        assertThat(tracking.path("registrationError").asText()).contains("-18019903").contains("carrier");
        List<Alert> alerts = Poll.until(Duration.ofSeconds(10),
                () -> server.store().alerts().listAlerts(PageRequest.of(1, 10)).items(), l -> !l.isEmpty());
        assertThat(alerts).anyMatch(al -> al.jobId() != null && al.jobId() == job.path("id").asLong());
    }

    @Test
    void shopTokensTriggerAndListOnlyTheirOwnNumbers() {
        long otherShop = server.createShop("Other", "shopify");
        long mine = server.createTracking(shop, "LX000000301US");
        long theirs = server.createTracking(otherShop, "LX000000302US");
        String token = server.shopToken(shop);

        TestServer.Answer t = server.post("/api/v1/sync/trigger", token,
                Map.of("trackingIds", List.of(mine, theirs), "forcePull", true));

        assertThat(t.status()).isEqualTo(202);
        assertThat(t.data().path("jobs")).extracting(j -> j.path("trackingId").asLong()).containsExactly(mine);
        assertThat(t.data().path("notFound")).extracting(JsonNode::asLong).containsExactly(theirs);
        assertThat(server.get("/api/v1/sync/jobs?trackingId=" + theirs, token).data().path("total").asInt()).isZero();
        assertThat(server.get("/api/v1/sync/jobs?shopId=" + otherShop, token).data().path("total").asInt()).isZero();
        assertThat(server.get("/api/v1/sync/jobs?trackingId=" + theirs, admin).data().path("total").asInt())
                .isPositive();
        JsonNode own = server.get("/api/v1/sync/jobs", token).data();
        assertThat(own.path("items")).allMatch(j -> j.path("trackingId").asLong() == mine);
    }

    private int registered() {
        return server.get("/api/v1/sync/jobs?kind=register&status=succeeded&pageSize=1", admin).data()
                .path("total").asInt();
    }

    private JsonNode awaitJob(long trackingId, long jobId, String status) {
        return Poll.until(Duration.ofSeconds(30), () -> {
            for (JsonNode j : server.get("/api/v1/sync/jobs?pageSize=200&trackingId=" + trackingId, admin).data()
                    .path("items")) {
                if (j.path("id").asLong() == jobId) {
                    return j;
                }
            }
            return null;
        }, j -> j != null && j.path("status").asText().equals(status));
    }
}
