package io.trackctl.benchmarks.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Start-up: from starting {@code java -jar trackctl.jar serve} to the first 200 of
 * {@code /api/v1/health/live}, on a fresh data directory (creates the database, runs migrations,
 * generates keys) and again on the same directory; then the wall time of {@code trackctl list}
 * (a whole JVM run). The limit for both: {@code java -version} on the same JVM, same run.
 *
 * <p>Each is measured twice: with a bare {@code java -jar}, and with the class-data archive the
 * {@code ./trackctl} launcher gives each command (the same JVM options, an archive of its own in the
 * work directory, written by one unmeasured run first).
 *
 * <p>Flags: {@code --cli-jar}, {@code --work-dir}, {@code --rounds 5}.
 */
public final class StartupBenchmark {

    private static final double TARGET_MS = 1500;

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Flags f = new Flags(args);
        Path cliJar = f.path("cli-jar", "tracking-cli/target/trackctl.jar").toAbsolutePath();
        Path work = Files.createDirectories(f.path("work-dir", "benchmarks/target/work")).toAbsolutePath();
        int rounds = f.integer("rounds", 5);
        Path archives = Files.createTempDirectory(work, "cds-");
        List<String> serveCds = launcherArchive(archives.resolve("serve.jsa"));
        List<String> listCds = launcherArchive(archives.resolve("cli.jsa"));
        // The unmeasured runs that write the archives, as a first ./trackctl run does.
        Path training = Files.createTempDirectory(work, "startup-");
        ServerProcess.start(cliJar, training, "k", Map.of(), serveCds, Duration.ofSeconds(60)).close();
        wall(concat(listCds, List.of("-jar", cliJar.toString(), "list", "--data-dir", training.toString())));

        Timings plain = new Timings();
        Timings cds = new Timings();
        List<Double> jvm = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            // Alternated within each round, so a slow spell of a shared machine hits both.
            plain.measure(cliJar, work, List.of(), List.of());
            cds.measure(cliJar, work, serveCds, listCds);
            jvm.add(millis(wall(List.of("-version"))));
        }
        Stats jvmS = Stats.of(jvm);
        System.out.println("java -version ms: " + jvmS.format("%.0f"));
        plain.report("java -jar", jvmS);
        cds.report("./trackctl's class-data archive", jvmS);
    }

    /** The options {@code ./trackctl} adds for a command's archive. */
    private static List<String> launcherArchive(Path archive) {
        return List.of("-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive", "-Xlog:cds*=off");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Server start on a fresh and on an existing data directory, and {@code list}, for one way of starting. */
    private static final class Timings {
        final List<Double> fresh = new ArrayList<>();
        final List<Double> again = new ArrayList<>();
        final List<Double> list = new ArrayList<>();

        void measure(Path cliJar, Path work, List<String> serveJvm, List<String> listJvm) throws Exception {
            Path dataDir = Files.createTempDirectory(work, "startup-");
            try (ServerProcess s = ServerProcess.start(cliJar, dataDir, "k", Map.of(), serveJvm, Duration.ofSeconds(60))) {
                fresh.add(millis(s.startToFirstOk()));
            }
            try (ServerProcess s = ServerProcess.start(cliJar, dataDir, "k", Map.of(), serveJvm, Duration.ofSeconds(60))) {
                again.add(millis(s.startToFirstOk()));
            }
            list.add(millis(wall(concat(listJvm, List.of("-jar", cliJar.toString(), "list", "--data-dir",
                    dataDir.toString())))));
        }

        void report(String how, Stats jvmS) {
            Stats freshS = Stats.of(fresh);
            Stats againS = Stats.of(again);
            Stats listS = Stats.of(list);
            System.out.printf("RESULT|server start to first 200 (fresh data dir; %s)|%.1fx java -version|%s ms|<= %.0f ms|%s%n",
                    how, freshS.median() / jvmS.median(), freshS.format("%.0f"), TARGET_MS, pass(freshS));
            System.out.printf("RESULT|server start to first 200 (existing data dir; %s)|%.1fx java -version|%s ms|<= %.0f ms|%s%n",
                    how, againS.median() / jvmS.median(), againS.format("%.0f"), TARGET_MS, pass(againS));
            System.out.printf("RESULT|trackctl list wall time (%s)|%.1fx java -version|%s ms|-|-%n",
                    how, listS.median() / jvmS.median(), listS.format("%.0f"));
        }

        private static String pass(Stats s) {
            return s.median() <= TARGET_MS ? "pass" : "FAIL";
        }
    }

    private static Duration wall(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Java.executable());
        cmd.addAll(args);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int code = p.waitFor();
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", args) + " exited with " + code);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }
}
