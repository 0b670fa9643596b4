package io.trackctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackctl.client.simulator.Simulator;
import io.trackctl.client.simulator.SimulatorConfig;
import io.trackctl.core.crypto.SecretBox;
import io.trackctl.core.model.DeliveryOutcome;
import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.JobTrigger;
import io.trackctl.core.model.NewDelivery;
import io.trackctl.core.model.NewJob;
import io.trackctl.core.model.Shop;
import io.trackctl.core.model.SignatureVerdict;
import io.trackctl.core.port.WebhookLog;
import io.trackctl.server.ServerSettings;
import io.trackctl.server.SettingsLoader;
import io.trackctl.server.TrackctlServer;
import io.trackctl.server.http.Json;
import io.trackctl.store.StoreConfig;
import io.trackctl.store.TrackctlStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every data command, run through the command line against one database kind (see the subclasses). */
abstract class CommandsContract {

    @TempDir
    Path dir;

    /** The options that point the command line at the database under test. */
    abstract List<String> dataArgs();

    /** The JDBC URL the commands use. */
    abstract String jdbcUrl();

    CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(dataArgs());
        return CliRun.of(all.toArray(String[]::new));
    }

    JsonNode json(CliRun run) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        return Json.MAPPER.readTree(run.out());
    }

    long addShop(String name) throws IOException {
        return json(run("shops", "add", "--name", name, "--platform", "Shopify", "--url", "https://a.example",
                "--timezone", "Europe/Berlin", "--format", "json")).get("id").asLong();
    }

    Path csv(String... lines) throws IOException {
        Path f = dir.resolve("rows-" + System.nanoTime() + ".csv");
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    TrackctlStore store() {
        return TrackctlStore.open(StoreConfig.of(jdbcUrl()));
    }

    @Test
    void shopsAreAddedListedUpdatedAndDisabledWithCredentialsSealedAsTheServerSealsThem() throws IOException {
        CliRun add = run("shops", "add", "--name", "Acme", "--platform", "Shopify", "--url", "https://acme.example",
                "--api-key", "sk_live_1234567890", "--format", "json");
        long id = json(add).get("id").asLong();
        assertThat(add.out()).doesNotContain("sk_live_1234567890").contains("\"credentials\" : \"apiKey\"");

        CliRun list = run("shops", "list");
        assertThat(list.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(list.out().lines().findFirst().orElseThrow()).startsWith("ID").contains("NAME").contains("PLATFORM");
        assertThat(list.out()).contains("Acme").contains("shopify");

        assertThat(json(run("shops", "update", String.valueOf(id), "--name", "Acme Two", "--format", "json"))
                .get("name").asText()).isEqualTo("Acme Two");
        assertThat(json(run("shops", "disable", String.valueOf(id), "--format", "json")).get("status").asText())
                .isEqualTo("disabled");
        assertThat(run("shops", "list", "--active", "--format", "csv").out().strip()).isEqualTo(
                "id,name,platform,storeUrl,timezone,status,credentials");

        ServerSettings settings = SettingsLoader.load(new SettingsLoader.Flags(null, dir, jdbcUrl(), null, null, null,
                null, null), Map.of());
        try (TrackctlStore store = store()) {
            Shop stored = store.shops().findShop(id).orElseThrow();
            assertThat(new SecretBox(TrackctlServer.encryptionKey(settings)).decrypt(stored.apiKey().sealed()))
                    .isEqualTo("sk_live_1234567890");
        }
    }

    @Test
    void anUnknownShopEndsWithTheNotFoundCode() {
        CliRun run = run("shops", "disable", "999999");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    @Test
    void importCountsRowsPrintsFailedRowsAndEndsWithRowsFailed() throws IOException {
        long shop = addShop("Imports");
        Path file = csv("trackingNumber,carrier,orderId",
                "LX100000001CN,,A-1", "LX100000002CN,,A-2", "LX100000001CN,,A-1", "x", "LX100000003CN,nosuch,A-3");
        Path errors = dir.resolve("errors.csv");

        CliRun run = run("import", file.toString(), "--shop", String.valueOf(shop));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.ROWS_FAILED);
        assertThat(run.out()).contains("succeeded: 2").contains("duplicate: 1").contains("failed:    2")
                .contains("Failed rows").contains("unknown carrier 'nosuch'");
        assertThat(run.err()).contains("done: 5/5 rows");

        CliRun again = run("import", file.toString(), "--shop", String.valueOf(shop), "--errors", errors.toString(),
                "--format", "json");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.ROWS_FAILED);
        JsonNode summary = Json.MAPPER.readTree(again.out());
        assertThat(summary.get("duplicate").asLong()).isEqualTo(3);
        assertThat(summary.get("failed").asLong()).isEqualTo(2);
        assertThat(Files.readAllLines(errors)).hasSize(3).first().isEqualTo("line,reason,raw");
        assertThat(Files.readAllLines(errors).get(1)).startsWith("5,").contains("\"x\"");
    }

    @Test
    void importIntoAMissingShopIsNotFound() throws IOException {
        assertThat(run("import", csv("trackingNumber", "LX100000001CN").toString(), "--shop", "424242").exitCode())
                .isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void listFiltersAndPagesLikeTheApi() throws IOException {
        long a = addShop("A");
        long b = addShop("B");
        run("import", csv("trackingNumber", "LX200000001CN", "LX200000002CN", "LX200000003CN").toString(),
                "--shop", String.valueOf(a));
        run("import", csv("trackingNumber", "LX300000001CN").toString(), "--shop", String.valueOf(b));

        JsonNode page = json(run("list", "--shop", String.valueOf(a), "--page-size", "2", "--format", "json"));
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("items")).hasSize(2);
        assertThat(json(run("list", "--all", "--format", "json"))).hasSize(4);
        assertThat(json(run("list", "--keyword", "LX3000", "--format", "json")).get("items")).hasSize(1);
        assertThat(json(run("list", "--status", "Delivered", "--format", "json")).get("total").asLong()).isZero();
        assertThat(json(run("list", "--updated-from", "2999-01-01", "--format", "json")).get("total").asLong())
                .isZero();

        CliRun csv = run("list", "--shop", String.valueOf(b), "--format", "csv");
        assertThat(csv.out().lines().toList()).hasSize(2);
        assertThat(csv.out().lines().skip(1).findFirst().orElseThrow()).contains(",LX300000001CN,NotFound,");
        CliRun table = run("list", "--shop", String.valueOf(b));
        assertThat(table.out()).contains("TRACKINGNUMBER").contains("page 1 of 1, 1 in all");

        assertThat(run("list", "--status", "Lost").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aReplayedDeliveryShowsUpInTheTimelineAndItsJobCanBeRetried() throws IOException {
        long shop = addShop("Replay");
        run("import", csv("trackingNumber", "LX900000015CN").toString(), "--shop", String.valueOf(shop));
        byte[] body;
        try (InputStream in = getClass().getResourceAsStream("/webhook-delivered.json")) {
            body = in.readAllBytes();
        }
        long deliveryId;
        long jobId;
        try (TrackctlStore store = store()) {
            Instant now = Instant.now();
            WebhookLog.Accepted accepted = (WebhookLog.Accepted) store.webhooks().recordVerified(
                    new NewDelivery(now, "127.0.0.1", SignatureVerdict.VALID, "TRACKING_UPDATED", "LX900000015CN",
                            3011, "replay-test-" + System.nanoTime(), body, false, null),
                    new NewJob(JobKind.APPLY_WEBHOOK, JobTrigger.WEBHOOK, null, null, 3, now));
            deliveryId = accepted.deliveryId();
            jobId = accepted.jobId();
            store.jobs().failed(jobId, "applier was down");
        }

        CliRun jobs = run("jobs", "list", "--status", "failed", "--format", "json");
        assertThat(json(jobs).get("items").get(0).get("lastError").asText()).isEqualTo("applier was down");
        CliRun retry = run("jobs", "retry", String.valueOf(jobId), "--format", "json");
        assertThat(json(retry).get("requeued").asInt()).isEqualTo(1);
        assertThat(run("jobs", "retry", "987654").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        try (TrackctlStore store = store()) {
            store.jobs().failed(jobId, "down again");
        }
        assertThat(json(run("jobs", "retry", "--all-failed", "--format", "json")).get("requeued").asInt()).isEqualTo(1);
        assertThat(json(run("jobs", "list", "--status", "pending", "--kind", "apply_webhook", "--format", "json"))
                .get("total").asLong()).isEqualTo(1);

        CliRun replay = run("webhook", "replay", String.valueOf(deliveryId), "--now");
        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(ExitCodes.OK);
        assertThat(replay.out()).contains("applied: 1 numbers");
        CliRun queued = run("webhook", "replay", "--outcome", DeliveryOutcome.PROCESSED.name(), "--format", "json");
        assertThat(json(queued).get(0).get("result").asText()).isEqualTo("queued");

        CliRun show = run("show", "LX900000015CN");
        assertThat(show.exitCode()).as(show.err()).isEqualTo(ExitCodes.OK);
        assertThat(show.out()).contains("status:").contains("Delivered").contains("Events (");
        JsonNode detail = json(run("show", "LX900000015CN", "--format", "json"));
        JsonNode first = detail.get("events").get(0);
        assertThat(first.get("localTime").asText()).isNotEqualTo(first.get("timeUtc").asText())
                .doesNotEndWith("Z");
        assertThat(run("show", "NOSUCHNUMBER1").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void carriersImportOurFormatsAnd17TracksListAndAreSearched() throws IOException {
        Path ours = dir.resolve("carriers.csv");
        Files.writeString(ours, "code,name,trackKey,country,homepage\nacme-post,Acme Post,990001,US,https://acme.example\n");
        CliRun csvRun = run("carriers", "import", ours.toString(), "--format", "json");
        assertThat(json(csvRun).get("created").asInt()).isEqualTo(1);

        Path seventeen = dir.resolve("apicarrier.all.json");
        Files.writeString(seventeen, "[{\"key\": 990002, \"_name\": \"Zeta Express\", \"_country_iso\": \"DE\","
                + " \"_url\": \"https://zeta.example\"}, {\"code\": \"acme-post\", \"name\": \"Acme Post Renamed\","
                + " \"trackKey\": 990001}]");
        JsonNode counts = json(run("carriers", "import", seventeen.toString(), "--format", "json"));
        assertThat(counts.get("created").asInt()).isEqualTo(1);
        assertThat(counts.get("updated").asInt()).isEqualTo(1);

        JsonNode found = json(run("carriers", "list", "--search", "zeta", "--format", "json"));
        assertThat(found.get("items").get(0).get("code").asText()).isEqualTo("zeta-express-990002");
        assertThat(run("carriers", "list", "--search", "Renamed").out()).contains("Acme Post Renamed");

        Path theirCsv = dir.resolve("apicarrier.all.csv");
        Files.writeString(theirCsv, "key,_country,_country_iso,_url,_name\n990003,2105,US,https://eta.example,Eta Parcel\n");
        assertThat(json(run("carriers", "import", theirCsv.toString(), "--format", "json")).get("created").asInt())
                .isEqualTo(1);
        assertThat(run("carriers", "list", "--search", "eta-parcel-990003").out()).contains("Eta Parcel");

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "[{\"code\": \"Bad Code!\", \"name\": \"x\"}]");
        assertThat(run("carriers", "import", bad.toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void dbStatusListsTheAppliedMigrations() throws IOException {
        CliRun migrate = run("db", "migrate");
        assertThat(migrate.exitCode()).as(migrate.err()).isEqualTo(ExitCodes.OK);
        assertThat(migrate.out()).contains("up to date").contains("success");
        JsonNode rows = json(run("db", "status", "--format", "json"));
        assertThat(rows.size()).isGreaterThan(0);
        assertThat(rows.get(0).get("version").asText()).isEqualTo("1");
        rows.forEach(r -> assertThat(r.get("state").asText()).isEqualTo("success"));
    }

    @Test
    void syncWithoutA17TrackKeyIsNotConfigured() throws IOException {
        long shop = addShop("NoKey");
        run("import", csv("trackingNumber", "LX400000001CN").toString(), "--shop", String.valueOf(shop));
        CliRun run = run("sync", "LX400000001CN");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).contains("17TRACK is not configured");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    @Test
    void syncRegistersAndPullsFromTheSimulatorAndShowsWhatChanged() throws IOException {
        try (Simulator sim = Simulator.start(SimulatorConfig.defaults().withRateLimit(0))) {
            long shop = addShop("Sync");
            run("import", csv("trackingNumber", "1Z999AA10000000002", "1Z999AA10000000014").toString(),
                    "--shop", String.valueOf(shop));
            List<String> key = List.of("--17track-key", sim.apiKey(), "--17track-url", sim.baseUri().toString());

            List<String> args = new ArrayList<>(List.of("sync", "1Z999AA10000000002", "1Z999AA10000000014"));
            args.addAll(key);
            CliRun first = run(args.toArray(String[]::new));
            assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.OK);
            assertThat(sim.numbers()).contains("1Z999AA10000000002", "1Z999AA10000000014");

            sim.advance(Duration.ofDays(5));
            args.add("--force");
            args.add("--format");
            args.add("json");
            JsonNode rows = json(run(args.toArray(String[]::new)));
            assertThat(rows).hasSize(2);
            JsonNode row = rows.get(0);
            assertThat(row.get("result").asText()).isEqualTo("synced");
            assertThat(row.get("after").asText()).isEqualTo("Delivered");
            assertThat(row.get("eventsAdded").asLong()).isPositive();

            List<String> again = new ArrayList<>(List.of("sync", "1Z999AA10000000002"));
            again.addAll(key);
            CliRun fresh = run(again.toArray(String[]::new));
            assertThat(fresh.out()).contains("skipped");

            run("import", csv("trackingNumber", "1Z999AA10000000019").toString(), "--shop", String.valueOf(shop));
            List<String> stale = new ArrayList<>(List.of("sync", "--stale", "--format", "csv"));
            stale.addAll(key);
            CliRun staleRun = run(stale.toArray(String[]::new));
            assertThat(staleRun.exitCode()).as(staleRun.err()).isEqualTo(ExitCodes.OK);
            assertThat(staleRun.out().lines().skip(1).toList()).singleElement().asString()
                    .contains("1Z999AA10000000019").contains("synced");
            assertThat(run("sync", "NOSUCHNUMBER1", "--17track-key", "k").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        }
    }
}
