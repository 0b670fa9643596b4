package io.trackctl.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackctl.core.snapshot.ProviderTrack;
import io.trackctl.core.snapshot.Snapshot;
import io.trackctl.core.snapshot.SnapshotEvent;
import io.trackctl.core.status.Stage;
import io.trackctl.core.status.SubStatus;
import io.trackctl.core.status.TrackStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The main flows over a real socket on SQLite: shops, carriers, tracking numbers, orders, health. */
class ApiFlowTest {

    private static TestServer server;
    private static String admin;

    @BeforeAll
    static void start() {
        server = TestServer.sqlite();
        admin = server.adminToken();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shopIsCreatedReadUpdatedAndSoftDeleted() {
        TestServer.Answer created = server.post("/api/v1/shops", admin, Map.of("shopName", "Blue Lamp Store",
                "platform", "Shopify", "storeUrl", "https://blue.example.com", "timezone", "Europe/Paris"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.code()).isZero();
        long id = created.data().path("id").asLong();
        assertThat(created.data().path("platform").asText()).isEqualTo("shopify");
        assertThat(created.data().path("status").asText()).isEqualTo("active");
        assertThat(created.data().path("createdAt").asText()).endsWith("Z");

        TestServer.Answer updated = server.put("/api/v1/shops/" + id, admin, Map.of("shopName", "Blue Lamp",
                "platform", "shopify"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.data().path("shopName").asText()).isEqualTo("Blue Lamp");

        TestServer.Answer deleted = server.delete("/api/v1/shops/" + id, admin);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.data().path("status").asText()).isEqualTo("disabled");
        assertThat(server.get("/api/v1/shops/" + id, admin).data().path("status").asText()).isEqualTo("disabled");

        TestServer.Answer refused = server.post("/api/v1/tracking", admin,
                Map.of("shopId", id, "trackingNumber", "LX123456789CN"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.data().path("errors").get(0).path("field").asText()).isEqualTo("shopId");
    }

    @Test
    void shopValidationListsEveryFailingField() {
        TestServer.Answer a = server.post("/api/v1/shops", admin, Map.of("storeUrl", "ftp://x", "timezone", "Mars/Base"));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.data().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("shopName", "platform", "storeUrl", "timezone");
    }

    @Test
    void shopsAreFilteredByPlatformAndSearchedByName() {
        server.createShop("Alpha Garden", "woocommerce");
        server.createShop("Alpha Kitchen", "shopify");
        server.createShop("Beta Garden", "woocommerce");
        TestServer.Answer a = server.get("/api/v1/shops?platform=WooCommerce&name=garden&pageSize=50", admin);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.data().path("items").findValuesAsText("shopName"))
                .contains("Alpha Garden", "Beta Garden").doesNotContain("Alpha Kitchen");
        assertThat(a.data().path("pageSize").asInt()).isEqualTo(50);
        assertThat(a.data().path("page").asInt()).isEqualTo(1);
    }

    @Test
    void trackingNumberIsNormalizedAndADuplicateAnswers409WithTheExistingId() {
        long shop = server.createShop("Dup Shop", "shopify");
        TestServer.Answer first = server.post("/api/v1/tracking", admin,
                Map.of("shopId", shop, "trackingNumber", " lx 1234 5678 9cn ", "carrierCode", "21051"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.data().path("trackingNumber").asText()).isEqualTo("LX123456789CN");
        assertThat(first.data().path("carrierKey").asInt()).isEqualTo(21051);
        long id = first.data().path("id").asLong();

        TestServer.Answer again = server.post("/api/v1/tracking", admin,
                Map.of("shopId", shop, "trackingNumber", "LX123456789CN"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo(40901);
        assertThat(again.data().path("existingId").asLong()).isEqualTo(id);
    }

    @Test
    void badNumberAndUnknownCarrierAreFieldErrors() {
        long shop = server.createShop("Val Shop", "shopify");
        TestServer.Answer a = server.post("/api/v1/tracking", admin,
                Map.of("shopId", shop, "trackingNumber", "ab", "carrierCode", "no-such-carrier"));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.data().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("trackingNumber",
                "carrierCode");
    }

    @Test
    void unknownShopIsA404() {
        TestServer.Answer a = server.post("/api/v1/tracking", admin, Map.of("shopId", 999999, "trackingNumber", "ABCDE12345"));
        assertThat(a.status()).isEqualTo(404);
    }

    @Test
    void detailCarriesCarrierStatusAndEventsNewestFirst() {
        long shop = server.createShop("Detail Shop", "shopify");
        TestServer.Answer created = server.post("/api/v1/tracking", admin,
                Map.of("shopId", shop, "trackingNumber", "DT0000000001", "carrierCode", "usps"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.data().path("id").asLong();
        applyEvents(server, id, "DT0000000001", 3, "InTransit");

        TestServer.Answer detail = server.get("/api/v1/tracking/" + id, admin);
        assertThat(detail.status()).isEqualTo(200);
        JsonNode d = detail.data();
        assertThat(d.path("tracking").path("trackingNumber").asText()).isEqualTo("DT0000000001");
        assertThat(d.path("carrier").path("code").asText()).isEqualTo("usps");
        assertThat(d.path("latestStatus").path("status").asText()).isEqualTo("InTransit");
        assertThat(d.path("events").path("total").asInt()).isEqualTo(3);
        assertThat(d.path("tracking").path("lastSyncAt").asText()).endsWith("Z");

        TestServer.Answer events = server.get("/api/v1/tracking/" + id + "/events?pageSize=2", admin);
        List<String> times = events.data().path("items").findValuesAsText("timeUtc");
        assertThat(times).hasSize(2);
        assertThat(Instant.parse(times.get(0))).isAfter(Instant.parse(times.get(1)));
        assertThat(events.data().path("total").asInt()).isEqualTo(3);
    }

    @Test
    void batchDeleteCountsDeletedAndNotFound() {
        long shop = server.createShop("Del Shop", "shopify");
        long a = server.createTracking(shop, "DEL0000001");
        long b = server.createTracking(shop, "DEL0000002");
        TestServer.Answer r = server.delete("/api/v1/tracking/batch", admin, Map.of("ids", List.of(a, b, 987654321L)));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data().path("deleted").asInt()).isEqualTo(2);
        assertThat(r.data().path("notFound").asInt()).isEqualTo(1);
        assertThat(server.get("/api/v1/tracking/" + a, admin).status()).isEqualTo(404);
    }

    @Test
    void carriersAreCreatedSearchedAndImportedInBothFormats() {
        TestServer.Answer one = server.post("/api/v1/carriers", admin,
                Map.of("code", "acme-post", "name", "Acme Post", "trackKey", 990001, "country", "fr"));
        assertThat(one.status()).as(one.body()).isEqualTo(201);
        assertThat(one.data().path("country").asText()).isEqualTo("FR");

        TestServer.Answer ours = server.post("/api/v1/carriers", admin, Map.of("carriers", List.of(
                Map.of("code", "zeta-express", "name", "Zeta Express"),
                Map.of("code", "acme-post", "name", "Acme Post Renamed", "trackKey", 990001))));
        assertThat(ours.status()).as(ours.body()).isEqualTo(200);
        assertThat(ours.data().path("created").asInt()).isEqualTo(1);
        assertThat(ours.data().path("updated").asInt()).isEqualTo(1);

        TestServer.Answer theirs = server.post("/api/v1/carriers", admin, List.of(
                Map.of("key", 990101, "_country", 301, "_country_iso", "CN", "_url", "https://omega.example.cn/",
                        "_name", "Omega Logistics"),
                Map.of("key", 990102, "_country_iso", "US", "_name", "Omega Logistics")));
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(200);
        assertThat(theirs.data().path("created").asInt()).isEqualTo(2);

        TestServer.Answer search = server.get("/api/v1/carriers?search=omega", admin);
        assertThat(search.data().path("items").findValuesAsText("trackKey")).containsExactlyInAnyOrder("990101", "990102");
        assertThat(server.get("/api/v1/carriers?search=RENAMED", admin).data().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void movingA17TrackKeyOwnedByAnotherCarrierIsAConflict() {
        assertThat(server.post("/api/v1/carriers", admin, Map.of("code", "k-one", "name", "K One", "trackKey", 990201))
                .status()).isEqualTo(201);
        assertThat(server.post("/api/v1/carriers", admin, Map.of("code", "k-two", "name", "K Two", "trackKey", 990202))
                .status()).isEqualTo(201);
        TestServer.Answer clash = server.post("/api/v1/carriers", admin,
                Map.of("code", "k-two", "name", "K Two", "trackKey", 990201));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.code()).isEqualTo(40901);
        assertThat(clash.json().path("message").asText()).contains("k-one");
    }

    @Test
    void carrierImportWithABadRecordNamesItsIndexAndStoresNothing() {
        TestServer.Answer a = server.post("/api/v1/carriers", admin, List.of(
                Map.of("code", "fine-carrier", "name", "Fine"),
                Map.of("code", "Bad Code!", "name", "Bad")));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.data().path("errors").get(0).path("field").asText()).isEqualTo("carriers[1].code");
        assertThat(server.get("/api/v1/carriers?search=fine-carrier", admin).data().path("total").asInt()).isZero();
    }

    @Test
    void ordersAreListedByShopAndReadWithTheirParcels() {
        long shop = server.createShop("Order Shop", "shopify");
        long orderId = orderWithParcel(shop);
        TestServer.Answer list = server.get("/api/v1/orders?shopId=" + shop, admin);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.data().path("total").asInt()).isEqualTo(1);
        TestServer.Answer one = server.get("/api/v1/orders/" + orderId, admin);
        assertThat(one.data().path("externalId").asText()).isEqualTo("ORD-1");
        assertThat(one.data().path("parcels").findValuesAsText("parcelNo")).containsExactly("P-1");
    }

    @Test
    void healthReportsEachComponentAndProbesNeedNoToken() {
        TestServer.Answer h = server.get("/api/v1/health", admin);
        assertThat(h.status()).isEqualTo(200);
        assertThat(h.data().path("status").asText()).isEqualTo("UP");
        assertThat(h.data().path("components").path("database").path("status").asText()).isEqualTo("UP");
        assertThat(h.data().path("components").path("database").path("details").has("latencyMs")).isTrue();
        assertThat(h.data().path("components").path("redis").path("status").asText()).isEqualTo("DISABLED");
        assertThat(h.data().path("components").path("jobQueue").path("details").has("pending")).isTrue();
        assertThat(server.get("/api/v1/health", null).status()).isEqualTo(401);

        TestServer.Answer live = server.get("/api/v1/health/live", null);
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.data().size()).isEqualTo(1);
        TestServer.Answer ready = server.get("/api/v1/health/ready", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body()).doesNotContain("latency").doesNotContain("sqlite");
    }

    @Test
    void openApiDocumentIsServedWithoutAToken() {
        TestServer.Answer a = server.get("/api/v1/openapi.yaml", null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).startsWith("openapi: 3");
    }

    @Test
    void requestMetricsArePublishedPerRoute() {
        server.get("/api/v1/carriers", admin);
        TestServer.Answer m = server.send("GET", "/observe/metrics", null, null, null);
        assertThat(m.status()).isEqualTo(200);
        assertThat(m.body()).contains("trackctl_http_requests").contains("route=\"/api/v1/carriers\"");
    }

    @Test
    void aMadeUpMethodIsCountedAsOtherSoItCannotAddSeries() {
        TestServer.Answer brew = server.send("BREW", "/api/v1/carriers", admin, null, null);
        TestServer.Answer m = server.send("GET", "/observe/metrics", null, null, null);

        assertThat(brew.status()).isGreaterThanOrEqualTo(400);
        assertThat(m.body()).contains("method=\"OTHER\"").doesNotContain("BREW");
    }

    private static long orderWithParcel(long shop) {
        var order = server.store().orders().ensureOrder(shop, "ORD-1");
        server.store().orders().ensureParcel(order.id(), "P-1");
        return order.id();
    }

    /** Applies one snapshot with {@code count} events an hour apart, so the number has a status and a history. */
    static void applyEvents(TestServer server, long trackingId, String number, int count, String status) {
        Instant base = Instant.parse("2025-03-01T08:00:00Z");
        List<SnapshotEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant t = base.plusSeconds(3600L * i);
            events.add(new SnapshotEvent(t, t.atOffset(ZoneOffset.ofHours(8)), "event " + i, "Hub " + i,
                    Stage.parse("Transit"), "Transit", SubStatus.parse("InTransit_Other"), "InTransit_Other", 21051));
        }
        Snapshot snapshot = new Snapshot(number, 21051, null, TrackStatus.parse(status, null), null,
                List.of(new ProviderTrack(21051, "USPS", "US", 1L + count, base, events)), 7L + count);
        server.store().snapshots().applySnapshot(trackingId, snapshot, Instant.now());
    }
}
