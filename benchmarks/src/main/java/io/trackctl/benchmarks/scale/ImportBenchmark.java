package io.trackctl.benchmarks.scale;

import io.trackctl.benchmarks.load.Latencies;
import io.trackctl.benchmarks.support.Flags;
import io.trackctl.benchmarks.support.ServerProcess;
import io.trackctl.benchmarks.support.Stats;
import io.trackctl.core.model.NewShop;
import io.trackctl.store.StoreConfig;
import io.trackctl.store.TrackctlStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One million rows on SQLite: the CSV import through {@code trackctl import} (the real pipeline, a
 * child JVM with {@code -Xmx256m}) against {@link RawInsert} of the same rows into the same kind of
 * database with the same heap, several rounds; then keyword search over the imported million
 * through {@code TrackingStore.listTracking} and through {@code GET /api/v1/tracking?keyword=} of
 * a {@code trackctl serve} child on that data directory.
 *
 * <p>Flags: {@code --cli-jar}, {@code --work-dir}, {@code --rows 1000000}, {@code --rounds 3},
 * {@code --heap 256m}, {@code --searches 200}.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Flags f = new Flags(args);
        Path cliJar = f.path("cli-jar", "tracking-cli/target/trackctl.jar").toAbsolutePath();
        Path work = Files.createDirectories(f.path("work-dir", "benchmarks/target/work")).toAbsolutePath();
        int rows = f.integer("rows", 1_000_000);
        int rounds = f.integer("rounds", 3);
        String heap = "-Xmx" + f.string("heap", "256m");
        Path csv = NumbersCsv.write(work.resolve("numbers-" + rows + ".csv"), rows);

        List<Double> pipelineRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        Path imported = null;
        for (int r = 1; r <= rounds; r++) {
            Path dataDir = Files.createTempDirectory(work, "import-");
            long shop = prepare(dataDir);
            Children.Ran cli = Children.java(List.of(heap), List.of("-jar", cliJar.toString(), "import", csv.toString(),
                    "--shop", String.valueOf(shop), "--data-dir", dataDir.toString()));
            Path rawDir = Files.createTempDirectory(work, "raw-");
            long rawShop = prepare(rawDir);
            Children.Ran raw = Children.java(List.of(heap), List.of("-cp", Children.ownJar().toString(),
                    RawInsert.class.getName(), jdbc(rawDir), csv.toString(), String.valueOf(rawShop)));
            double pipeline = rows / seconds(cli.wall());
            double bare = rows / seconds(raw.wall());
            System.out.printf(Locale.ROOT, "round %d: import %.0f rows/s (%.1f s), raw insert %.0f rows/s (%.1f s)%n",
                    r, pipeline, seconds(cli.wall()), bare, seconds(raw.wall()));
            pipelineRates.add(pipeline);
            ratios.add(pipeline / bare);
            imported = dataDir;
            if (r == 1) {
                System.out.println("import summary: " + cli.stdout().replace('\n', ' '));
            }
        }
        Stats rate = Stats.of(pipelineRates);
        Stats ratio = Stats.of(ratios);
        System.out.printf(Locale.ROOT, "RESULT|import %d rows (trackctl import, %s)|%s|%s rows/s|>= 100000 rows/s and >= 0.5x|%s%n",
                rows, heap, ratio.format("%.2f"), rate.format("%.0f"),
                rate.median() >= 100_000 && ratio.median() >= 0.5 ? "pass" : "FAIL");

        searchStore(imported, rows, f.integer("searches", 200));
        searchHttp(cliJar, imported, rows, f.integer("searches", 200));
    }

    private static long prepare(Path dataDir) {
        try (TrackctlStore store = TrackctlStore.open(StoreConfig.of(jdbc(dataDir)))) {
            return store.shops().create(new NewShop("import shop", "custom", null, null, null, null, null)).id();
        }
    }

    private static void searchStore(Path dataDir, int rows, int searches) {
        try (TrackctlStore store = TrackctlStore.open(StoreConfig.of(jdbc(dataDir)))) {
            Latencies l = SearchProbe.run(20, searches, rows, SearchProbe.through(store.tracking()));
            print("keyword search, " + rows + " rows, SQLite, TrackingStore", l);
        }
    }

    private static void searchHttp(Path cliJar, Path dataDir, int rows, int searches) throws Exception {
        String token = Children.java(List.of(), List.of("-jar", cliJar.toString(), "token", "create", "--admin",
                "--data-dir", dataDir.toString())).stdout().trim();
        try (ServerProcess server = ServerProcess.start(cliJar, dataDir, "unused-webhook-key", Map.of(), List.of(),
                Duration.ofSeconds(60))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Latencies l = SearchProbe.run(20, searches, rows, k -> {
                HttpRequest req = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/tracking?keyword="
                        + URLEncoder.encode(k, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + token).build();
                try {
                    HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
                    if (res.statusCode() != 200 || !res.body().contains(k)) {
                        throw new IllegalStateException("search " + k + " answered " + res.statusCode());
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            print("keyword search, " + rows + " rows, SQLite, GET /api/v1/tracking?keyword=", l);
        }
    }

    static void print(String figure, Latencies l) {
        double p50 = l.percentileMillis(50);
        System.out.printf(Locale.ROOT, "RESULT|%s|-|p50 %.2f ms, p99 %.2f ms (%d searches)|p50 <= 20 ms|%s%n",
                figure, p50, l.percentileMillis(99), l.size(), p50 <= 20 ? "pass" : "FAIL");
    }

    static String jdbc(Path dataDir) {
        return "jdbc:sqlite:" + dataDir.resolve("trackctl.db");
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
