package io.trackctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackctl.server.http.Json;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandLargeFileTest {

    private static final int ROWS = 100_000;

    @TempDir
    Path dir;

    @Test
    void aHundredThousandRowFileImportsQuicklyWithExactCounts() throws Exception {
        // given: 100,000 rows, every 1,000th invalid and every 500th a repeat of the row before
        Path file = dir.resolve("big.csv");
        long bad = 0;
        long repeats = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("trackingNumber,orderId,shippedAt\n");
            for (int i = 1; i <= ROWS; i++) {
                if (i % 1000 == 0) {
                    w.write("??,O-" + i + ",\n");
                    bad++;
                } else if (i % 500 == 0) {
                    w.write(String.format("BIG%09dXX,O-%d,2026-11-01%n", i - 1, i - 1));
                    repeats++;
                } else {
                    w.write(String.format("BIG%09dXX,O-%d,2026-11-01%n", i, i));
                }
            }
        }
        String data = dir.resolve("data").toString();
        CliRun shop = CliRun.of("shops", "add", "--name", "Big", "--platform", "csv", "--format", "json",
                "--data-dir", data);
        long shopId = Json.MAPPER.readTree(shop.out()).get("id").asLong();

        // when
        Instant start = Instant.now();
        CliRun run = CliRun.of("import", file.toString(), "--shop", String.valueOf(shopId), "--format", "json",
                "--data-dir", data);
        Duration took = Duration.between(start, Instant.now());

        // then
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.ROWS_FAILED);
        JsonNode summary = Json.MAPPER.readTree(run.out());
        assertThat(summary.get("rows").asLong()).isEqualTo(ROWS);
        assertThat(summary.get("failed").asLong()).isEqualTo(bad);
        assertThat(summary.get("duplicate").asLong()).isEqualTo(repeats);
        assertThat(summary.get("succeeded").asLong()).isEqualTo(ROWS - bad - repeats);
        assertThat(summary.get("errors")).hasSize(20);
        assertThat(run.err()).contains("done: 100000/100000 rows");
        assertThat(took).isLessThan(Duration.ofSeconds(90));
        JsonNode listed = Json.MAPPER.readTree(CliRun.of("list", "--shop", String.valueOf(shopId), "--page-size", "1",
                "--format", "json", "--data-dir", data).out());
        assertThat(listed.get("total").asLong()).isEqualTo(ROWS - bad - repeats);
    }
}
