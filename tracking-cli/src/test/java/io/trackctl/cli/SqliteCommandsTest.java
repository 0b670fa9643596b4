package io.trackctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.model.NewTrackingNumber;
import io.trackctl.server.http.Json;
import io.trackctl.store.TrackctlStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The commands on the default database: SQLite in the data directory. */
class SqliteCommandsTest extends CommandsContract {

    @Override
    List<String> dataArgs() {
        return List.of("--data-dir", dir.toString());
    }

    @Override
    String jdbcUrl() {
        return "jdbc:sqlite:" + dir.resolve("trackctl.db");
    }

    @Test
    void dbMigrateAddsTrackingNumbersMissingFromTheKeywordIndex() throws Exception {
        long shop = addShop("Index");
        try (TrackctlStore store = store()) {
            store.tracking().createTrackingBatch(List.of(number(shop, "LX000000001CN")));
            try (Connection c = DriverManager.getConnection(jdbcUrl()); Statement s = c.createStatement()) {
                // As a binary from before migration V3 inserts (it counted on the dropped trigger),
                // while this one runs and inserts after it.
                s.execute("INSERT INTO tracking_numbers (shop_id, number, source, created_at, updated_at) VALUES ("
                        + shop + ", 'LX000000002CN', 'api', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')");
            }
            store.tracking().createTrackingBatch(List.of(number(shop, "LX000000003CN")));
        }
        assertThat(run("list", "--keyword", "00000000").out()).contains("LX000000003CN").doesNotContain("LX000000002CN");

        CliRun migrate = run("db", "migrate");

        assertThat(migrate.exitCode()).as(migrate.err()).isEqualTo(ExitCodes.OK);
        assertThat(migrate.out() + migrate.err()).contains("added 1 tracking number that was missing");
        assertThat(run("list", "--keyword", "00000000").out())
                .contains("LX000000001CN", "LX000000002CN", "LX000000003CN");
    }

    @Test
    void dbStatusOfADataDirectoryNotThereYetShowsEveryMigrationPendingAndCreatesNothing() throws Exception {
        Path fresh = dir.resolve("not-yet");

        CliRun status = CliRun.of("db", "status", "--data-dir", fresh.toString(), "--format", "json");

        assertThat(status.exitCode()).as(status.err()).isEqualTo(ExitCodes.FAILURE);
        JsonNode rows = Json.MAPPER.readTree(status.out());
        assertThat(rows.size()).isGreaterThan(1);
        rows.forEach(r -> assertThat(r.get("state").asText()).isEqualTo("pending"));
        CliRun table = CliRun.of("db", "status", "--data-dir", fresh.toString());
        assertThat(table.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(table.out()).contains("does not exist yet")
                .contains("current version: none, " + rows.size() + " pending");
        assertThat(fresh).doesNotExist();
    }

    private static NewTrackingNumber number(long shop, String number) {
        return new NewTrackingNumber(shop, null, null, number, null, null, "api", null, null);
    }
}
