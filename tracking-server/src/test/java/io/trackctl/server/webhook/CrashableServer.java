package io.trackctl.server.webhook;

import io.trackctl.server.EngineSettings;
import io.trackctl.server.ServerSettings;
import io.trackctl.server.TestServer;
import io.trackctl.server.TrackctlServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A server in a process of its own, for tests that kill it: args are the data directory and the
 * webhook key. It writes its port to {@code port} in the data directory once it listens, then runs
 * until the process ends. One worker, so that a backlog of stored deliveries builds up behind the
 * requests, and short leases, so that work of a killed process is taken back quickly.
 */
public final class CrashableServer {

    private CrashableServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dataDir = Path.of(args[0]);
        EngineSettings engine = EngineSettings.defaults().withWorkers(1).withLease(Duration.ofSeconds(2))
                .withRetryDelays(Duration.ofMillis(50), Duration.ofMillis(200));
        ServerSettings settings = new ServerSettings(0, dataDir, null, null, null, null, List.of(args[1]),
                TestServer.JWT_SECRET, null, ServerSettings.DEFAULT_MAX_BODY, Duration.ofSeconds(1), engine);
        TrackctlServer server = TrackctlServer.start(settings);
        Path tmp = dataDir.resolve("port.tmp");
        Files.writeString(tmp, String.valueOf(server.port()), StandardCharsets.UTF_8);
        Files.move(tmp, dataDir.resolve("port"), StandardCopyOption.ATOMIC_MOVE);
        new CountDownLatch(1).await();
    }
}
