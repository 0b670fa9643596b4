package io.trackctl.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import io.trackctl.store.testing.TestDatabase;

/**
 * CSV uploads (multipart and text/csv) run by the worker, and JSON batches run inline, end with
 * exact counts and every bad row reported with its line and reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ImportFlowContract {

    /** The database the server of this run uses. */
    abstract TestDatabase database();


    private static final String BOUNDARY = "----trackctlBoundary7MA4YWxkTrZu0gW";

    private TestServer server;
    private String admin;
    private long shop;
    private long otherShop;

    @BeforeAll
    void start() {
        server = TestServer.start(database());
        admin = server.adminToken();
        shop = server.createShop("Import shop", "shopify");
        otherShop = server.createShop("Other shop", "shopify");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aTenThousandRowUploadWithBadRowsEndsWithExactCountsLinesAndReasons() {
        preStore("UP");
        byte[] body = ImportFiles.multipart(BOUNDARY, List.of(
                new String[] {"file", "numbers.csv", ImportFiles.csv(ImportFiles.rows("UP"))},
                new String[] {"shopId", null, Long.toString(shop)}));

        TestServer.Answer a = server.send("POST", "/api/v1/imports/tracking/csv", admin,
                "multipart/form-data; boundary=\"" + BOUNDARY + "\"", body);

        assertThat(a.status()).as(a.body()).isEqualTo(202);
        assertThat(a.data().path("status").asText()).isEqualTo("pending");
        assertThat(a.data().path("fileName").asText()).isEqualTo("numbers.csv");
        JsonNode done = awaitFinished(a.data().path("id").asLong());
        assertTenThousandRowOutcome(done, 2);
    }

    @Test
    void theSameRowsAsAJsonBatchEndWithTheSameCountsByPosition() {
        preStore("BA");
        Map<String, Object> body = Map.of("shopId", shop, "items", ImportFiles.items(ImportFiles.rows("BA")));

        TestServer.Answer a = server.post("/api/v1/tracking/batch", admin, body);

        assertThat(a.status()).as(a.body()).isEqualTo(201);
        assertThat(a.data().path("status").asText()).isEqualTo("completed_with_errors");
        assertThat(a.data().path("errors").path("total").asInt()).isEqualTo(4 * ImportFiles.EACH_KIND);
        assertThat(a.data().path("errors").path("items").size()).isEqualTo(200);
        JsonNode job = server.get("/api/v1/imports/" + a.data().path("importId").asLong(), admin).data();
        assertTenThousandRowOutcome(job, 1);
        assertThat(job.path("source").asText()).isEqualTo("batch");
    }

    @Test
    void awkwardButValidFilesImportThroughMultipartAndTextCsv() {
        String semicolons = "\uFEFF\"Tracking Number\";Courier;Note;Order No;Ship Date\r\n"
                + "AWK0000001;usps;\"first line\r\nsecond; line\";ORD-1;2026-11-20\r\n"
                + "\"AWK0000002\";21051;plain;ORD-1;2026-11-21T10:00:00Z\r\n"
                + "AWK!;usps;;;\r\n"
                + "AWK0000003;;\"said \"\"hi\"\"\";ORD-2;";
        byte[] multipart = ImportFiles.multipart(BOUNDARY, List.of(
                new String[] {"shopId", null, Long.toString(shop)},
                new String[] {"file", "awkward.csv", semicolons}));
        TestServer.Answer a = server.send("POST", "/api/v1/imports/tracking/csv", admin,
                "multipart/form-data; boundary=" + BOUNDARY, multipart);
        assertThat(a.status()).as(a.body()).isEqualTo(202);
        JsonNode done = awaitFinished(a.data().path("id").asLong());
        assertThat(done.path("status").asText()).isEqualTo("completed_with_errors");
        assertThat(counts(done)).containsExactly(4L, 4L, 3L, 1L, 0L);
        assertThat(done.path("errors").path("items").get(0).path("lineNumber").asLong()).isEqualTo(5);
        assertThat(done.path("errors").path("items").get(0).path("rawLine").asText()).startsWith("AWK!");

        String tabs = "tracking_number\tcarrier\torder_id\tparcel_no\r\nAWT0000001\tusps\tORD-9\t1\r\n"
                + "AWT0000002\t\tORD-9\t2\r\n";
        TestServer.Answer t = server.send("POST", "/api/v1/imports/tracking/csv?shopId=" + shop, admin,
                "text/csv; charset=utf-8", tabs.getBytes(StandardCharsets.UTF_8));
        assertThat(t.status()).as(t.body()).isEqualTo(202);
        JsonNode tabDone = awaitFinished(t.data().path("id").asLong());
        assertThat(tabDone.path("status").asText()).isEqualTo("completed");
        assertThat(counts(tabDone)).containsExactly(2L, 2L, 2L, 0L, 0L);
        assertThat(tabDone.path("progress").asDouble()).isEqualTo(100.0);
        long id = server.get("/api/v1/tracking?keyword=AWT0000001", admin).data().path("items").get(0).path("id").asLong();
        JsonNode detail = server.get("/api/v1/tracking/" + id, admin).data();
        assertThat(detail.path("order").path("externalId").asText()).isEqualTo("ORD-9");
        assertThat(detail.path("parcel").path("parcelNo").asText()).isEqualTo("1");
        assertThat(detail.path("carrier").path("code").asText()).isEqualTo("usps");
        Poll.until(Duration.ofSeconds(10), () -> uploads(server), n -> n == 0);
    }

    @Test
    void aFileThatCannotBeImportedEndsFailedWithTheReason() {
        TestServer.Answer noColumn = server.send("POST", "/api/v1/imports/tracking/csv?shopId=" + shop, admin,
                "text/csv", "name,city\nBob,Paris\n".getBytes(StandardCharsets.UTF_8));
        JsonNode failed = awaitFinished(noColumn.data().path("id").asLong());
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("error").asText()).contains("no tracking-number column");

        TestServer.Answer empty = server.send("POST", "/api/v1/imports/tracking/csv?shopId=" + shop, admin,
                "text/csv", new byte[0]);
        assertThat(awaitFinished(empty.data().path("id").asLong()).path("error").asText()).contains("empty");

        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe, 0, 1};
        TestServer.Answer notText = server.send("POST", "/api/v1/imports/tracking/csv?shopId=" + shop, admin,
                "text/csv", binary);
        assertThat(awaitFinished(notText.data().path("id").asLong()).path("status").asText()).isEqualTo("failed");
    }

    @Test
    void badUploadsAreRefusedBeforeAnyJobExists() {
        TestServer.Answer noFile = server.send("POST", "/api/v1/imports/tracking/csv", admin,
                "multipart/form-data; boundary=" + BOUNDARY, ImportFiles.multipart(BOUNDARY,
                        List.<String[]>of(new String[] {"shopId", null, Long.toString(shop)})));
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.data().path("errors").get(0).path("field").asText()).isEqualTo("file");

        TestServer.Answer noBoundary = server.send("POST", "/api/v1/imports/tracking/csv?shopId=" + shop, admin,
                "multipart/form-data", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(noBoundary.status()).isEqualTo(400);

        TestServer.Answer truncated = server.send("POST", "/api/v1/imports/tracking/csv?shopId=" + shop, admin,
                "multipart/form-data; boundary=" + BOUNDARY, ("--" + BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nTN1,usps\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(truncated.status()).isEqualTo(400);
        assertThat(truncated.json().path("message").asText()).contains("closing boundary");

        TestServer.Answer json = server.send("POST", "/api/v1/imports/tracking/csv?shopId=" + shop, admin,
                "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(json.status()).isEqualTo(415);

        TestServer.Answer noShop = server.send("POST", "/api/v1/imports/tracking/csv", admin, "text/csv",
                "trackingNumber\nTN000000001\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noShop.status()).isEqualTo(400);
        assertThat(noShop.data().path("errors").get(0).path("field").asText()).isEqualTo("shopId");

        TestServer.Answer missingShop = server.send("POST", "/api/v1/imports/tracking/csv?shopId=987654", admin,
                "text/csv", "trackingNumber\nTN000000001\n".getBytes(StandardCharsets.UTF_8));
        assertThat(missingShop.status()).isEqualTo(404);
    }

    @Test
    void batchBodiesOfTheWrongShapeAreRefusedWithTheField() {
        TestServer.Answer noItems = server.post("/api/v1/tracking/batch", admin, Map.of("shopId", shop));
        assertThat(noItems.status()).isEqualTo(400);
        assertThat(noItems.data().path("errors").get(0).path("field").asText()).isEqualTo("items");

        TestServer.Answer badType = server.post("/api/v1/tracking/batch", admin,
                Map.of("shopId", shop, "items", List.of(Map.of("trackingNumber", List.of(1, 2)))));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.data().path("errors").get(0).path("field").asText()).isEqualTo("items[0].trackingNumber");

        TestServer.Answer notArray = server.post("/api/v1/tracking/batch", admin, Map.of("shopId", shop, "items", 5));
        assertThat(notArray.status()).isEqualTo(400);

        List<Map<String, Object>> tooMany = new java.util.ArrayList<>();
        for (int i = 0; i <= 10_000; i++) {
            tooMany.add(Map.of("trackingNumber", "TM" + String.format("%08d", i)));
        }
        TestServer.Answer big = server.post("/api/v1/tracking/batch", admin, Map.of("shopId", shop, "items", tooMany));
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.json().path("code").asInt()).isEqualTo(41301);
    }

    @Test
    void shopTokensSeeAndFeedOnlyTheirOwnShopsImports() {
        String tokenOther = server.shopToken(otherShop);
        String tokenShop = server.shopToken(shop);
        TestServer.Answer mine = server.send("POST", "/api/v1/imports/tracking/csv", tokenShop, "text/csv",
                "trackingNumber\nISO0000001\n".getBytes(StandardCharsets.UTF_8));
        assertThat(mine.status()).as(mine.body()).isEqualTo(202);
        assertThat(mine.data().path("shopId").asLong()).isEqualTo(shop);
        long importId = mine.data().path("id").asLong();
        awaitFinished(importId);

        TestServer.Answer peek = server.get("/api/v1/imports/" + importId, tokenOther);
        TestServer.Answer missing = server.get("/api/v1/imports/987654321", tokenOther);
        assertThat(peek.status()).isEqualTo(404);
        assertThat(peek.json().path("code")).isEqualTo(missing.json().path("code"));
        assertThat(server.get("/api/v1/imports/" + importId, tokenShop).status()).isEqualTo(200);

        TestServer.Answer intoOther = server.send("POST", "/api/v1/imports/tracking/csv?shopId=" + shop, tokenOther,
                "text/csv", "trackingNumber\nISO0000002\n".getBytes(StandardCharsets.UTF_8));
        assertThat(intoOther.status()).isEqualTo(404);
        TestServer.Answer batchIntoOther = server.post("/api/v1/tracking/batch", tokenOther,
                Map.of("shopId", shop, "items", List.of(Map.of("trackingNumber", "ISO0000003"))));
        assertThat(batchIntoOther.status()).isEqualTo(404);
        assertThat(server.get("/api/v1/tracking?keyword=ISO0000002", admin).data().path("total").asInt()).isZero();
        assertThat(server.get("/api/v1/tracking?keyword=ISO0000003", admin).data().path("total").asInt()).isZero();
    }

    @Test
    void anUploadOverTheLimitIsRefusedWith413() {
        try (TestServer small = TestServer.start(io.trackctl.store.testing.SqliteTestDatabase.create(),
                s -> s.withMaxUploadBytes(4096))) {
            long s = small.createShop("Small", "shopify");
            byte[] big = ("trackingNumber\n" + "TN000000001\n".repeat(1000)).getBytes(StandardCharsets.UTF_8);
            TestServer.Answer raw = small.send("POST", "/api/v1/imports/tracking/csv?shopId=" + s,
                    small.adminToken(), "text/csv", big);
            assertThat(raw.status()).isEqualTo(413);
            assertThat(raw.json().path("message").asText()).contains("4096");
            TestServer.Answer part = small.send("POST", "/api/v1/imports/tracking/csv?shopId=" + s,
                    small.adminToken(), "multipart/form-data; boundary=" + BOUNDARY, ImportFiles.multipart(BOUNDARY,
                            List.<String[]>of(new String[] {"file", "big.csv", new String(big, StandardCharsets.UTF_8)})));
            assertThat(part.status()).isEqualTo(413);
            assertThat(chunkedUpload(small, s, big)).as("a chunked body has no length to check up front")
                    .isEqualTo(413);
            assertThat(uploads(small)).as("no upload left behind").isZero();
        }
    }

    private int chunkedUpload(TestServer target, long shopId, byte[] body) {
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(target.server().url() + "/api/v1/imports/tracking/csv?shopId=" + shopId))
                .header("Authorization", "Bearer " + target.adminToken())
                .header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body)))
                .build();
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(req, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long uploads(TestServer target) {
        java.nio.file.Path dir = target.dataDir().resolve("uploads");
        if (!java.nio.file.Files.exists(dir)) {
            return 0;
        }
        try (var files = java.nio.file.Files.list(dir)) {
            return files.count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void preStore(String prefix) {
        List<Map<String, Object>> items = ImportFiles.preStored(prefix).stream()
                .map(n -> Map.<String, Object>of("trackingNumber", n)).toList();
        TestServer.Answer a = server.post("/api/v1/tracking/batch", admin, Map.of("shopId", shop, "items", items));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        assertThat(a.data().path("counts").path("succeeded").asInt()).isEqualTo(ImportFiles.EACH_KIND);
    }

    /** Counts, status and every error row (all pages) of a finished 10,000-row import. */
    private void assertTenThousandRowOutcome(JsonNode job, int firstLine) {
        assertThat(job.path("status").asText()).isEqualTo("completed_with_errors");
        int each = ImportFiles.EACH_KIND;
        assertThat(counts(job)).containsExactly((long) ImportFiles.ROWS, (long) ImportFiles.ROWS,
                (long) ImportFiles.ROWS - 6 * each, 4L * each, 2L * each);
        Map<Long, JsonNode> errors = new HashMap<>();
        for (int page = 1; ; page++) {
            JsonNode p = server.get("/api/v1/imports/" + job.path("id").asLong() + "?pageSize=200&page=" + page, admin)
                    .data().path("errors");
            p.path("items").forEach(e -> errors.put(e.path("lineNumber").asLong(), e));
            if (p.path("items").size() < 200) {
                assertThat(p.path("total").asInt()).isEqualTo(4 * each);
                break;
            }
        }
        Map<Integer, String> expected = ImportFiles.expectedErrors();
        assertThat(errors).hasSize(expected.size());
        expected.forEach((pos, reason) -> {
            JsonNode e = errors.get((long) pos + firstLine);
            assertThat(e).as("error row for position " + pos).isNotNull();
            assertThat(e.path("reason").asText()).as("reason of position " + pos).contains(reason);
            assertThat(e.path("rawLine").asText()).isNotBlank();
        });
    }

    private static List<Long> counts(JsonNode job) {
        JsonNode c = job.path("counts");
        return List.of(c.path("total").asLong(), c.path("processed").asLong(), c.path("succeeded").asLong(),
                c.path("failed").asLong(), c.path("duplicate").asLong());
    }

    private JsonNode awaitFinished(long importId) {
        return Poll.until(Duration.ofSeconds(60), () -> server.get("/api/v1/imports/" + importId + "?pageSize=200", admin),
                a -> a.status() == 200 && List.of("completed", "completed_with_errors", "failed")
                        .contains(a.data().path("status").asText())).data();
    }
}
