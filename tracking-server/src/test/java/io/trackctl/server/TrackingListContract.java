package io.trackctl.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code GET /tracking} filters by status, keyword and update time, the same on every database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TrackingListContract {

    private TestServer server;
    private String admin;
    private long shop;

    abstract TestServer startServer();

    TestServer server() {
        if (server == null) {
            server = startServer();
            admin = server.adminToken();
            shop = server.createShop("List Shop", "shopify");
            long a = server.createTracking(shop, "AA11110001");
            long b = server.createTracking(shop, "AA11110002");
            long c = server.createTracking(shop, "BB22220001");
            server.createTracking(shop, "CC33330001");
            ApiFlowTest.applyEvents(server, a, "AA11110001", 2, "InTransit");
            ApiFlowTest.applyEvents(server, b, "AA11110002", 3, "Delivered");
            ApiFlowTest.applyEvents(server, c, "BB22220001", 1, "InTransit");
        }
        return server;
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private TestServer.Answer list(String query) {
        TestServer.Answer a = server().get("/api/v1/tracking?shopId=" + shop + "&" + query, admin);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a;
    }

    @Test
    void statusFilterKeepsOnlyThatMainStatus() {
        TestServer.Answer a = list("status=InTransit");
        assertThat(a.data().path("items").findValuesAsText("trackingNumber"))
                .containsExactlyInAnyOrder("AA11110001", "BB22220001");
        assertThat(list("status=delivered").data().path("items").findValuesAsText("trackingNumber"))
                .containsExactly("AA11110002");
    }

    @Test
    void keywordMatchesAnyPartOfTheNumberIgnoringCase() {
        assertThat(list("keyword=a1111").data().path("items").findValuesAsText("trackingNumber"))
                .containsExactlyInAnyOrder("AA11110001", "AA11110002");
        assertThat(list("keyword=2220").data().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void keywordWithCharactersNoNumberHasIsRefusedInsteadOfMatchingEverything() {
        for (String k : new String[] {"%25", "_", "A%25B"}) {
            TestServer.Answer a = server().get("/api/v1/tracking?shopId=" + shop + "&keyword=" + k, admin);
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.data().path("errors").get(0).path("field").asText()).isEqualTo("keyword");
        }
    }

    @Test
    void statusAndKeywordCombine() {
        assertThat(list("status=InTransit&keyword=AA").data().path("items").findValuesAsText("trackingNumber"))
                .containsExactly("AA11110001");
    }

    @Test
    void listItemsCarryTheLatestStatusAndLastSyncTime() {
        var item = list("keyword=AA11110002").data().path("items").get(0);
        assertThat(item.path("latestStatus").path("status").asText()).isEqualTo("Delivered");
        assertThat(item.path("lastSyncAt").isNull()).isFalse();
        assertThat(list("keyword=CC3333").data().path("items").get(0).path("lastSyncAt").isNull()).isTrue();
    }

    @Test
    void updatedRangeExcludesNumbersOutsideIt() {
        String future = Instant.now().plusSeconds(3600).toString();
        assertThat(list("updatedFrom=" + future).data().path("total").asInt()).isZero();
        String past = Instant.now().minusSeconds(3600).toString();
        assertThat(list("updatedFrom=" + past).data().path("total").asInt()).isEqualTo(4);
    }

    @Test
    void pagesSplitTheResultAndKeepTheTotal() {
        TestServer.Answer p1 = list("pageSize=3&page=1");
        TestServer.Answer p2 = list("pageSize=3&page=2");
        assertThat(p1.data().path("items").size()).isEqualTo(3);
        assertThat(p2.data().path("items").size()).isEqualTo(1);
        assertThat(p2.data().path("total").asInt()).isEqualTo(4);
        assertThat(p2.data().path("page").asInt()).isEqualTo(2);
    }
}
