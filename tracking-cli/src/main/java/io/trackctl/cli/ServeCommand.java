package io.trackctl.cli;

import io.trackctl.server.ServerSettings;
import io.trackctl.server.SettingsLoader;
import io.trackctl.server.TrackctlServer;
import java.io.PrintWriter;
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
        description = "Run the HTTP server (/api/v1). Flags win over TRACKCTL_* environment variables,"
                + " which win over application.yaml.")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--port", description = "HTTP port (default 8080; env TRACKCTL_PORT).")
    Integer port;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Database: jdbc:sqlite:FILE or jdbc:postgresql://... (default: SQLite in the data"
                    + " directory; env TRACKCTL_DB).")
    String db;

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

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile TrackctlServer server;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = SettingsLoader.load(new SettingsLoader.Flags(port, data.dataDir, db, redis,
                seventeenTrackKey, seventeenTrackUrl, webhookKeys, data.configFile), System.getenv());
        TrackctlServer running = TrackctlServer.start(settings);
        server = running;
        Thread hook = new Thread(this::stop, "trackctl-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        out.println(running.banner());
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    /** The running server, once started (for tests). */
    TrackctlServer server() {
        return server;
    }

    /** Stops the server, letting requests in flight finish, and lets {@link #call()} return. */
    void stop() {
        TrackctlServer s = server;
        if (s != null && stopped.getCount() > 0) {
            try {
                s.stop();
            } finally {
                stopped.countDown();
            }
        }
    }
}
