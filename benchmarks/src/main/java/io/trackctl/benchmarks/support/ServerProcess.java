package io.trackctl.benchmarks.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code trackctl serve} as a child process from the shaded CLI jar, the way an operator runs it.
 * Its output goes to a log file next to the data directory. Knows when it first answered 200.
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final long startedNanos;
    private final long firstOkNanos;

    private ServerProcess(Process process, int port, long startedNanos, long firstOkNanos) {
        this.process = process;
        this.port = port;
        this.startedNanos = startedNanos;
        this.firstOkNanos = firstOkNanos;
    }

    /**
     * Starts the server and polls {@code /api/v1/health/live} until it answers 200.
     *
     * @param extraEnv environment added to the child's (e.g. the benchmark no-op route)
     * @param jvmArgs  JVM flags (heap, JFR)
     */
    public static ServerProcess start(Path cliJar, Path dataDir, String webhookKey, Map<String, String> extraEnv,
                                      List<String> jvmArgs, Duration timeout) throws IOException, InterruptedException {
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Java.executable());
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-jar", cliJar.toString(), "serve", "--port", String.valueOf(port),
                "--data-dir", dataDir.toString(), "--webhook-key", webhookKey));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile()));
        pb.environment().putAll(extraEnv);
        long started = System.nanoTime();
        Process p = pb.start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(200)).build();
        URI live = URI.create("http://127.0.0.1:" + port + "/api/v1/health/live");
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the server exited with " + p.exitValue() + " before answering");
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(live).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return new ServerProcess(p, port, started, System.nanoTime());
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(5);
        }
        p.destroyForcibly();
        throw new IllegalStateException("the server did not answer 200 within " + timeout);
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** From process start to the first 200 of the liveness probe. */
    public Duration startToFirstOk() {
        return Duration.ofNanos(firstOkNanos - startedNanos);
    }

    public long pid() {
        return process.pid();
    }

    /** Asks the server to stop (SIGTERM, graceful) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
