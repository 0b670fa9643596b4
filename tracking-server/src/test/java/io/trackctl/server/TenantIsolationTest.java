package io.trackctl.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A shop token never reads, lists, changes or deletes another shop's data, on any route, and the
 * answer about another shop's resource is the same as about one that does not exist.
 */
class TenantIsolationTest {

    private static final long MISSING = 987_654_321L;

    private static TestServer server;
    private static String admin;
    private static long shopA;
    private static long shopB;
    private static String tokenA;
    private static long trackingA;
    private static long trackingB;
    private static long orderA;
    private static long orderB;

    @BeforeAll
    static void start() {
        server = TestServer.sqlite();
        admin = server.adminToken();
        shopA = server.createShop("Shop A", "shopify");
        shopB = server.createShop("Shop B", "shopify");
        tokenA = server.shopToken(shopA);
        trackingA = server.createTracking(shopA, "AAAA00000001");
        trackingB = server.createTracking(shopB, "BBBB00000001");
        ApiFlowTest.applyEvents(server, trackingB, "BBBB00000001", 2, "InTransit");
        orderA = server.store().orders().ensureOrder(shopA, "A-1").id();
        orderB = server.store().orders().ensureOrder(shopB, "B-1").id();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shopListShowsOnlyTheCallersShop() {
        TestServer.Answer a = server.get("/api/v1/shops", tokenA);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.data().path("items").findValuesAsText("id")).containsExactly(Long.toString(shopA));
        assertThat(a.data().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void anotherShopReadsLikeAMissingOne() {
        assertSameAsMissing("/api/v1/shops/" + shopB, "/api/v1/shops/" + MISSING);
        assertThat(server.get("/api/v1/shops/" + shopA, tokenA).status()).isEqualTo(200);
    }

    @Test
    void shopTokensCannotManageShops() {
        assertThat(server.post("/api/v1/shops", tokenA, Map.of("shopName", "X", "platform", "y")).status()).isEqualTo(403);
        assertThat(server.put("/api/v1/shops/" + shopB, tokenA, Map.of("shopName", "X", "platform", "y")).status())
                .isEqualTo(403);
        assertThat(server.put("/api/v1/shops/" + shopA, tokenA, Map.of("shopName", "X", "platform", "y")).status())
                .isEqualTo(403);
        assertThat(server.delete("/api/v1/shops/" + shopB, tokenA).status()).isEqualTo(403);
        assertThat(server.get("/api/v1/shops/" + shopB, admin).data().path("status").asText()).isEqualTo("active");
        assertThat(server.get("/api/v1/shops/" + shopB, admin).data().path("shopName").asText()).isEqualTo("Shop B");
    }

    @Test
    void shopTokensCannotManageCarriersButMaySearchThem() {
        assertThat(server.post("/api/v1/carriers", tokenA, Map.of("code", "evil", "name", "Evil")).status())
                .isEqualTo(403);
        assertThat(server.post("/api/v1/carriers", tokenA, List.of(Map.of("code", "evil", "name", "Evil"))).status())
                .isEqualTo(403);
        assertThat(server.get("/api/v1/carriers?search=usps", tokenA).status()).isEqualTo(200);
    }

    @Test
    void anotherShopsTrackingNumberAndItsEventsReadLikeMissingOnes() {
        assertSameAsMissing("/api/v1/tracking/" + trackingB, "/api/v1/tracking/" + MISSING);
        assertSameAsMissing("/api/v1/tracking/" + trackingB + "/events", "/api/v1/tracking/" + MISSING + "/events");
        assertThat(server.get("/api/v1/tracking/" + trackingA, tokenA).status()).isEqualTo(200);
    }

    @Test
    void trackingListNeverShowsAnotherShopsNumbers() {
        TestServer.Answer own = server.get("/api/v1/tracking", tokenA);
        assertThat(own.data().path("items").findValuesAsText("trackingNumber")).containsExactly("AAAA00000001");
        TestServer.Answer other = server.get("/api/v1/tracking?shopId=" + shopB, tokenA);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.data().path("total").asInt()).isZero();
        assertThat(server.get("/api/v1/tracking?keyword=BBBB", tokenA).data().path("total").asInt()).isZero();
        assertThat(server.get("/api/v1/tracking?status=InTransit", tokenA).data().path("total").asInt()).isZero();
    }

    @Test
    void trackingCannotBeCreatedInAnotherShop() {
        TestServer.Answer other = server.post("/api/v1/tracking", tokenA,
                Map.of("shopId", shopB, "trackingNumber", "AAAA00000099"));
        TestServer.Answer missing = server.post("/api/v1/tracking", tokenA,
                Map.of("shopId", MISSING, "trackingNumber", "AAAA00000099"));
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().path("message").asText().replace(Long.toString(shopB), "#"))
                .isEqualTo(missing.json().path("message").asText().replace(Long.toString(MISSING), "#"));
        TestServer.Answer own = server.post("/api/v1/tracking", tokenA, Map.of("trackingNumber", "AAAA00000098"));
        assertThat(own.status()).isEqualTo(201);
        assertThat(own.data().path("shopId").asLong()).isEqualTo(shopA);
    }

    @Test
    void anotherShopsOrderCannotBeLinkedAndReadsLikeAMissingOne() {
        TestServer.Answer other = server.post("/api/v1/tracking", tokenA,
                Map.of("trackingNumber", "AAAA00000097", "orderId", orderB));
        TestServer.Answer missing = server.post("/api/v1/tracking", tokenA,
                Map.of("trackingNumber", "AAAA00000097", "orderId", MISSING));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.data().path("errors").get(0).path("field").asText()).isEqualTo("orderId");
        assertThat(other.json().path("message").asText().replace(Long.toString(orderB), "#"))
                .isEqualTo(missing.json().path("message").asText().replace(Long.toString(MISSING), "#"));
        TestServer.Answer own = server.post("/api/v1/tracking", tokenA,
                Map.of("trackingNumber", "AAAA00000097", "orderId", orderA));
        assertThat(own.status()).isEqualTo(201);
        assertThat(server.get("/api/v1/tracking/" + own.data().path("id").asLong(), tokenA).data()
                .path("order").path("externalId").asText()).isEqualTo("A-1");
    }

    @Test
    void batchDeleteTouchesOnlyTheCallersNumbers() {
        TestServer.Answer r = server.delete("/api/v1/tracking/batch", tokenA, Map.of("ids", List.of(trackingB)));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data().path("deleted").asInt()).isZero();
        assertThat(r.data().path("notFound").asInt()).isEqualTo(1);
        assertThat(server.get("/api/v1/tracking/" + trackingB, admin).status()).isEqualTo(200);
    }

    @Test
    void anotherShopsOrdersAreNeitherReadNorListed() {
        assertSameAsMissing("/api/v1/orders/" + orderB, "/api/v1/orders/" + MISSING);
        assertThat(server.get("/api/v1/orders/" + orderA, tokenA).status()).isEqualTo(200);
        assertThat(server.get("/api/v1/orders?shopId=" + shopB, tokenA).data().path("total").asInt()).isZero();
        assertThat(server.get("/api/v1/orders", tokenA).data().path("items").findValuesAsText("externalId"))
                .containsExactly("A-1");
    }

    private static void assertSameAsMissing(String otherPath, String missingPath) {
        TestServer.Answer other = server.get(otherPath, tokenA);
        TestServer.Answer missing = server.get(missingPath, tokenA);
        assertThat(other.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(other.code()).isEqualTo(missing.code());
        String otherId = otherPath.replaceAll("\\D+", " ").trim().split(" ")[1];
        assertThat(other.json().path("message").asText().replace(otherId, "#"))
                .isEqualTo(missing.json().path("message").asText().replace(Long.toString(MISSING), "#"));
        assertThat(other.data().isNull()).isTrue();
    }
}
