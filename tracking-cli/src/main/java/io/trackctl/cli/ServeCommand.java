package io.trackctl.cli;

import io.trackctl.client.simulator.Simulator;
import io.trackctl.server.ServerSettings;
import io.trackctl.server.TrackctlServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code trackctl serve}: runs the HTTP server until stopped (Ctrl-C or SIGTERM). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the HTTP server (/api/v1). Flags win over TRACKCTL_* environment variables,"
                + " which win over application.yaml.",
                "With --demo the server runs against a built-in 17TRACK simulator with a demo shop whose parcels"
                        + " move through their statuses within a minute."})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--port", description = "HTTP port (default 8080; env TRACKCTL_PORT).")
    Integer port;

    @Option(names = "--redis", paramLabel = "URL", description = "Redis, redis://host:port (env TRACKCTL_REDIS).")
    String redis;

    @Option(names = "--17track-key", paramLabel = "KEY",
            description = "17TRACK API key (env TRACKCTL_17TRACK_KEY).")
    String seventeenTrackKey;

    @Option(names = "--17track-url", paramLabel = "URL",
            description = "17TRACK API base URL (env TRACKCTL_17TRACK_URL).")
    String seventeenTrackUrl;

    @Option(names = "--webhook-key", paramLabel = "KEY",
            description = "A webhook signing key; repeat for several (env TRACKCTL_WEBHOOK_KEYS, comma-separated).")
    List<String> webhookKeys;

    @Option(names = "--demo", description = "Run against a built-in 17TRACK simulator with a seeded demo shop.")
    boolean demo;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile TrackctlServer server;
    private volatile Demo running;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = data.settings(port, redis, seventeenTrackKey, seventeenTrackUrl, webhookKeys);
        Simulator simulator = null;
        if (demo) {
            if (seventeenTrackKey != null || seventeenTrackUrl != null) {
                throw new IllegalArgumentException("--demo brings its own 17TRACK simulator: leave out --17track-key"
                        + " and --17track-url");
            }
            int chosen = settings.port() == 0 ? freePort() : settings.port();
            simulator = Demo.simulator(chosen);
            settings = data.settings(chosen, redis, simulator.apiKey(), simulator.baseUri().toString(), webhookKeys);
        }
        TrackctlServer started;
        try {
            started = TrackctlServer.start(settings);
        } catch (RuntimeException e) {
            if (simulator != null) {
                simulator.close();
            }
            throw e;
        }
        server = started;
        PrintWriter out = spec.commandLine().getOut();
        if (simulator != null) {
            try {
                running = Demo.seed(started, simulator);
            } catch (RuntimeException e) {
                simulator.close();
                started.stop();
                throw e;
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "trackctl-shutdown"));
        out.println(started.banner());
        if (running != null) {
            out.println();
            out.println(running.instructions(settings));
        }
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    /** The running server, once started (for tests). */
    TrackctlServer server() {
        return server;
    }

    /** The demo, once seeded (for tests); null without {@code --demo}. */
    Demo demo() {
        return running;
    }

    /** Stops the server, letting requests in flight finish, and lets {@link #call()} return. */
    void stop() {
        TrackctlServer s = server;
        if (s != null && stopped.getCount() > 0) {
            try {
                if (running != null) {
                    running.simulator().close();
                }
                s.stop();
            } finally {
                stopped.countDown();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }
}
