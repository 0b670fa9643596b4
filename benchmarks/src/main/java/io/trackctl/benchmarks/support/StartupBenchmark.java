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
 * <p>Flags: {@code --cli-jar}, {@code --work-dir}, {@code --rounds 5}.
 */
public final class StartupBenchmark {

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Flags f = new Flags(args);
        Path cliJar = f.path("cli-jar", "tracking-cli/target/trackctl.jar").toAbsolutePath();
        Path work = Files.createDirectories(f.path("work-dir", "benchmarks/target/work")).toAbsolutePath();
        int rounds = f.integer("rounds", 5);
        List<Double> fresh = new ArrayList<>();
        List<Double> again = new ArrayList<>();
        List<Double> list = new ArrayList<>();
        List<Double> jvm = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            Path dataDir = Files.createTempDirectory(work, "startup-");
            try (ServerProcess s = ServerProcess.start(cliJar, dataDir, "k", Map.of(), List.of(), Duration.ofSeconds(60))) {
                fresh.add(millis(s.startToFirstOk()));
            }
            try (ServerProcess s = ServerProcess.start(cliJar, dataDir, "k", Map.of(), List.of(), Duration.ofSeconds(60))) {
                again.add(millis(s.startToFirstOk()));
            }
            list.add(millis(wall(List.of("-jar", cliJar.toString(), "list", "--data-dir", dataDir.toString()))));
            jvm.add(millis(wall(List.of("-version"))));
        }
        Stats freshS = Stats.of(fresh);
        Stats againS = Stats.of(again);
        Stats listS = Stats.of(list);
        Stats jvmS = Stats.of(jvm);
        System.out.println("java -version ms: " + jvmS.format("%.0f"));
        System.out.printf("RESULT|server start to first 200 (fresh data dir)|%.1fx java -version|%s ms|<= 1500 ms|%s%n",
                freshS.median() / jvmS.median(), freshS.format("%.0f"), freshS.median() <= 1500 ? "pass" : "FAIL");
        System.out.printf("RESULT|server start to first 200 (existing data dir)|%.1fx java -version|%s ms|<= 1500 ms|%s%n",
                againS.median() / jvmS.median(), againS.format("%.0f"), againS.median() <= 1500 ? "pass" : "FAIL");
        System.out.printf("RESULT|trackctl list wall time|%.1fx java -version|%s ms|-|-%n",
                listS.median() / jvmS.median(), listS.format("%.0f"));
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
