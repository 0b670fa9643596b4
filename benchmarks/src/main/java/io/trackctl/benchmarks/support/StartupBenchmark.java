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
 * <p>Each is measured with a bare {@code java -jar} and with what the {@code ./trackctl} launcher
 * gives each command, in files of their own in the work directory, made first by unmeasured runs
 * as the launcher's first runs make them: the dynamic class-data archive (the launcher's choice on
 * Java 21 to 24), and on Java 25 and newer also the AOT cache (its choice there: a recording run,
 * then the cache assembled from the record). The ways alternate within each round.
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
        train(cliJar, work, serveCds, listCds);
        boolean aot = Runtime.version().feature() >= 25;
        List<String> serveAot = List.of();
        List<String> listAot = List.of();
        if (aot) {
            serveAot = aotCache(archives.resolve("serve"));
            listAot = aotCache(archives.resolve("cli"));
            train(cliJar, work, recording(archives.resolve("serve")), recording(archives.resolve("cli")));
            assemble(cliJar, archives.resolve("serve"));
            assemble(cliJar, archives.resolve("cli"));
        }

        Timings plain = new Timings();
        Timings cds = new Timings();
        Timings cache = new Timings();
        List<Double> jvm = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            // Alternated within each round, so a slow spell of a shared machine hits every way alike.
            plain.measure(cliJar, work, List.of(), List.of());
            cds.measure(cliJar, work, serveCds, listCds);
            if (aot) {
                cache.measure(cliJar, work, serveAot, listAot);
            }
            jvm.add(millis(wall(List.of("-version"))));
        }
        Stats jvmS = Stats.of(jvm);
        System.out.println("java -version ms: " + jvmS.format("%.0f"));
        plain.report("java -jar", jvmS);
        cds.report(aot ? "class-data archive (./trackctl on Java 21-24)" : "./trackctl's class-data archive", jvmS);
        if (aot) {
            cache.report("./trackctl's AOT cache (Java 25+)", jvmS);
        }
    }

    /** A server start on a fresh data directory and a {@code list}, unmeasured, with these options. */
    private static void train(Path cliJar, Path work, List<String> serveJvm, List<String> listJvm) throws Exception {
        Path training = Files.createTempDirectory(work, "startup-");
        ServerProcess.start(cliJar, training, "k", Map.of(), serveJvm, Duration.ofSeconds(60)).close();
        wall(concat(listJvm, List.of("-jar", cliJar.toString(), "list", "--data-dir", training.toString())));
    }

    /** The options {@code ./trackctl} adds for a command's archive on Java 21 to 24. */
    private static List<String> launcherArchive(Path archive) {
        return List.of("-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive", "-Xlog:cds*=off");
    }

    /** The options of {@code ./trackctl}'s first run of a command on Java 25+, which records. */
    private static List<String> recording(Path base) {
        return List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + base + ".aotconf",
                "-XX:+DisplayVMOutputToStderr", "-Xlog:aot*=off", "-Xlog:cds*=off");
    }

    /** Assembles the cache from the record, as {@code ./trackctl}'s second run does in the background. */
    private static void assemble(Path cliJar, Path base) throws Exception {
        wall(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + base + ".aotconf", "-XX:AOTCache=" + base + ".aot",
                "-Xlog:all=off", "-jar", cliJar.toString()));
    }

    /** The options of {@code ./trackctl}'s later runs of a command on Java 25+, which map the cache. */
    private static List<String> aotCache(Path base) {
        return List.of("-XX:AOTCache=" + base + ".aot", "-Xlog:aot*=off", "-Xlog:cds*=off");
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
