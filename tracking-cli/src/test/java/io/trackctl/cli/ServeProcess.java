package io.trackctl.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code trackctl serve} in a JVM of its own, started from the test class path (no build step
 * needed), with its log in a file. The port is read from the banner it prints once it listens.
 */
final class ServeProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)/api/v1");

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    private ServeProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code trackctl serve --port 0 args...} with {@code env} added and waits until it listens. */
    static ServeProcess start(String name, Path dir, List<String> args, Map<String, String> env, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xmx384m",
                "-cp", classPath(), Trackctl.class.getName(), "serve", "--port", "0"));
        command.addAll(args);
        try {
            Files.createDirectories(dir);
            Path log = dir.resolve(name + ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(log.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> readPort(p));
            try {
                return new ServeProcess(name, p, log, port.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            } catch (Exception e) {
                p.destroyForcibly();
                throw new IllegalStateException(name + " did not start within " + timeout + "; log:\n"
                        + tail(log, 40), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The full class path of this test JVM (surefire may hand it over in a manifest-only jar). */
    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp == null || cp.isBlank() ? System.getProperty("java.class.path") : cp;
    }

    private static int readPort(Process p) {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    int port = Integer.parseInt(m.group(1));
                    Thread drain = new Thread(() -> drain(out), "drain-" + p.pid());
                    drain.setDaemon(true);
                    drain.start();
                    return port;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("the process ended before it listened");
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // the banner is all that is needed; the rest only must not block the process
            }
        } catch (IOException ignored) {
            // the process is gone
        }
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no graceful stop, connections cut. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of its log, for failure messages. */
    String logTail(int lines) {
        return tail(log, lines);
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM and a wait for the graceful stop; SIGKILL when it takes too long. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
