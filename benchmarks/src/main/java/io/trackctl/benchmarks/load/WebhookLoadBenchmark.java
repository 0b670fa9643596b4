package io.trackctl.benchmarks.load;

import io.trackctl.benchmarks.support.Flags;
import io.trackctl.benchmarks.support.ServerProcess;
import io.trackctl.benchmarks.support.Stats;
import io.trackctl.core.model.NewShop;
import io.trackctl.core.model.NewTrackingNumber;
import io.trackctl.store.StoreConfig;
import io.trackctl.store.TrackctlStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Webhook ingest under load, against the no-op route of the same server. Prepares a SQLite data
 * directory with the tracking numbers, starts {@code trackctl serve} from the shaded CLI jar as a
 * child process with {@code TRACKCTL_BENCHMARK_NOOP=true}, warms both routes with an unmeasured
 * round, then alternates timed rounds: no-op route, webhook route; each round starts once the
 * workers have drained the queue of the round before, so both routes are measured with the apply
 * side idle. Afterwards waits for the last drain and checks that every push answered 200 was
 * applied and no event is stored twice; exits 1 when not.
 *
 * <p>Flags: {@code --cli-jar}, {@code --work-dir}, {@code --concurrency 64}, {@code --warmup 3},
 * {@code --duration 10}, {@code --rounds 3}, {@code --warmup-round 5} (seconds of unmeasured load on each
 * route before the first round; 0 for none), {@code --numbers 250000} (enough fresh pushes for a warm-up
 * round and three rounds at 20,000/s), {@code --updates 3},
 * {@code --duplicates 0.2}, {@code --server-heap 512m}, {@code --server-jfr FILE} (profile the server),
 * {@code --server-jvm="FLAGS"} (more JVM flags for the server, separated by spaces, such as
 * {@code -Xlog:gc:file=gc.log}; give it with {@code =} when the first flag starts with {@code --}).
 */
public final class WebhookLoadBenchmark {

    private static final String KEY = "benchmark-webhook-key";

    private WebhookLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Flags f = new Flags(args);
        Path cliJar = f.path("cli-jar", "tracking-cli/target/trackctl.jar");
        Path work = Files.createDirectories(f.path("work-dir", "benchmarks/target/work"));
        Path dataDir = Files.createTempDirectory(work, "webhook-");
        int concurrency = f.integer("concurrency", 64);
        int numbers = f.integer("numbers", 250_000);
        int updates = f.integer("updates", 3);
        int rounds = f.integer("rounds", 3);
        Duration warmup = f.seconds("warmup", 3);
        Duration duration = f.seconds("duration", 10);
        Duration warmupRound = f.seconds("warmup-round", 5);

        String jdbcUrl = "jdbc:sqlite:" + dataDir.resolve("trackctl.db");
        prepare(jdbcUrl, numbers);
        List<WirePushes.Push> plan = WirePushes.plan(numbers, updates, f.decimal("duplicates", 0.2), KEY, 42);
        System.out.printf("plan: %d pushes for %d numbers (%d updates each), data in %s%n",
                plan.size(), numbers, updates, dataDir);

        AtomicIntegerArray accepted = new AtomicIntegerArray(numbers);
        List<LoadReport> noop = new ArrayList<>();
        List<LoadReport> webhook = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(cliJar, dataDir, KEY,
                Map.of("TRACKCTL_BENCHMARK_NOOP", "true"),
                serverJvm(f), Duration.ofSeconds(60))) {
            AtomicInteger noopCursor = new AtomicInteger();
            AtomicInteger pushCursor = new AtomicInteger();
            URI noopUrl = URI.create(server.baseUrl() + "/api/v1/benchmark/noop");
            URI hookUrl = URI.create(server.baseUrl() + "/api/v1/webhook/17track");
            StoredState state = new StoredState(jdbcUrl);
            if (!warmupRound.isZero()) {
                // A fresh server and driver compile their hot paths during the first seconds of load:
                // measured at once, round 1's no-op route ran at about 60 % of later rounds' rate on a
                // slow host (and its webhook round lower too), which left round 1's ratio to chance.
                // Both routes are warmed first; the pushes answered here are checked like any others.
                System.out.println("warm-up round (not measured) " + new LoadRun(plan, noopCursor)
                        .run("no-op", noopUrl, concurrency, Duration.ZERO, warmupRound, null));
                System.out.println("warm-up round (not measured) " + new LoadRun(plan, pushCursor)
                        .run("webhook", hookUrl, concurrency, Duration.ZERO, warmupRound, accepted));
            }
            for (int r = 1; r <= rounds; r++) {
                if (r > 1 || !warmupRound.isZero()) {
                    // Each round starts from an empty queue: the no-op route is measured with the apply
                    // workers idle, not while they drain the round before (which held it down to two
                    // thirds of its idle rate), and the webhook round repeats one experiment instead of
                    // measuring ingest against a backlog left by the rounds before.
                    long start = System.nanoTime();
                    state.awaitDrained(Duration.ofMinutes(3));
                    System.out.printf("round %d: the apply backlog of the round before drained in %.1f s%n", r,
                            (System.nanoTime() - start) / 1e9);
                }
                LoadReport n = new LoadRun(plan, noopCursor).run("no-op", noopUrl, concurrency, warmup, duration, null);
                System.out.println("round " + r + " " + n);
                LoadReport w = new LoadRun(plan, pushCursor).run("webhook", hookUrl, concurrency, warmup, duration,
                        accepted);
                System.out.println("round " + r + " " + w);
                noop.add(n);
                webhook.add(w);
            }
            if (pushCursor.get() > plan.size()) {
                // Not "WARNING:", which benchmarks/run.sh drops with the JVM's own warnings.
                System.out.println("PLAN WRAPPED AROUND: later pushes were all re-sends, so the webhook rates do not "
                        + "measure fresh pushes; run again with a larger --numbers");
            }
            long backlog = state.openJobs();
            long drainStart = System.nanoTime();
            long failedJobs = state.awaitDrained(Duration.ofMinutes(3));
            double drained = (System.nanoTime() - drainStart) / 1e9;
            System.out.printf("the apply backlog of the last round (%d jobs) drained in %.1f s%n", backlog, drained);
            // With no pushes arriving, the drain is the apply side's own pace: what the server can
            // apply for good, however fast it accepts. Polled every 100 ms, so short drains read low.
            if (backlog > 0) {
                System.out.printf(Locale.ROOT, "RESULT|webhook apply rate, backlog draining alone|-|%.0f deliveries/s "
                        + "(%d jobs in %.1f s)|-|-%n", backlog / drained, backlog, drained);
            }
            int[] acc = new int[numbers];
            for (int i = 0; i < numbers; i++) {
                acc[i] = accepted.get(i);
            }
            List<String> problems = new ArrayList<>(Verification.problems(acc, updates, state.byNumber()));
            if (failedJobs > 0) {
                problems.add(failedJobs + " apply jobs failed");
            }
            report(noop, webhook, problems);
            if (!problems.isEmpty()) {
                System.exit(1);
            }
        }
        System.exit(0);
    }

    /** The server's heap, a flight recording when {@code --server-jfr FILE} is given, and any {@code --server-jvm} flags. */
    private static List<String> serverJvm(Flags f) {
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + f.string("server-heap", "512m")));
        String jfr = f.string("server-jfr", null);
        if (jfr != null) {
            jvm.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        }
        String more = f.string("server-jvm", "").strip();
        if (!more.isEmpty()) {
            jvm.addAll(List.of(more.split("\\s+")));
        }
        return jvm;
    }

    private static void prepare(String jdbcUrl, int numbers) {
        try (TrackctlStore store = TrackctlStore.open(StoreConfig.of(jdbcUrl))) {
            long shop = store.shops().create(new NewShop("benchmark shop", "custom", null, null, null, null, null)).id();
            List<NewTrackingNumber> batch = new ArrayList<>();
            for (int n = 0; n < numbers; n++) {
                batch.add(new NewTrackingNumber(shop, null, null, WirePushes.number(n), null, null, "benchmark",
                        null, null));
                if (batch.size() == 1000 || n == numbers - 1) {
                    store.tracking().createTrackingBatch(batch);
                    batch.clear();
                }
            }
        }
    }

    private static void report(List<LoadReport> noop, List<LoadReport> webhook, List<String> problems) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < noop.size(); i++) {
            ratios.add(webhook.get(i).throughput() / noop.get(i).throughput());
        }
        Stats ratio = Stats.of(ratios);
        Stats hook = Stats.of(webhook.stream().map(LoadReport::throughput).toList());
        Stats noopRate = Stats.of(noop.stream().map(LoadReport::throughput).toList());
        Stats p50 = Stats.of(webhook.stream().map(LoadReport::p50Millis).toList());
        Stats p90 = Stats.of(webhook.stream().map(LoadReport::p90Millis).toList());
        Stats p99 = Stats.of(webhook.stream().map(LoadReport::p99Millis).toList());
        long failed = webhook.stream().mapToLong(LoadReport::failed).sum();
        System.out.println("webhook throughput /s: " + hook.format("%.0f") + ", no-op /s: " + noopRate.format("%.0f"));
        System.out.println("ratio webhook/no-op: " + ratio.format("%.3f"));
        System.out.println("webhook latency ms: p50 " + p50.format("%.1f") + ", p90 " + p90.format("%.1f")
                + ", p99 " + p99.format("%.1f") + "; non-200 answers: " + failed);
        System.out.println(problems.isEmpty() ? "verification: every 200 applied, no event stored twice"
                : "VERIFICATION FAILED (" + problems.size() + " problems), first: "
                + problems.subList(0, Math.min(10, problems.size())));
        System.out.printf("RESULT|webhook ingest vs no-op|%.3f (%.3f..%.3f)|%.0f/s (no-op %.0f/s)|>= 0.3x|%s%n",
                ratio.median(), ratio.min(), ratio.max(), hook.median(), noopRate.median(),
                ratio.median() >= 0.3 ? "pass" : "FAIL");
        System.out.printf("RESULT|webhook p99 at %d connections|-|p50 %.1f ms, p90 %.1f ms, p99 %.1f ms (%.1f..%.1f)|<= 25 ms|%s%n",
                webhook.get(0).concurrency(), p50.median(), p90.median(), p99.median(), p99.min(), p99.max(),
                p99.median() <= 25 ? "pass" : "FAIL");
        System.out.printf("RESULT|webhook no loss|-|%s|every 200 applied, no duplicate event|%s%n",
                problems.isEmpty() ? "0 problems" : problems.size() + " problems", problems.isEmpty() ? "pass" : "FAIL");
    }
}
