package io.trackctl.cli;

import io.trackctl.client.simulator.Simulator;
import io.trackctl.client.simulator.SimulatorConfig;
import java.io.PrintWriter;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code trackctl simulate}: runs the local 17TRACK simulator until Ctrl-C. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Run a local 17TRACK API simulator until Ctrl-C and print its URL and key.",
                "Point a server at it with --17track-url URL --17track-key KEY."})
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "0", description = "Port on 127.0.0.1 (default: a free one).")
    int port;

    @Option(names = "--key", paramLabel = "KEY", description = "The API key it accepts and signs pushes with"
            + " (default: a random one).")
    String key;

    @Option(names = "--push-to", paramLabel = "URL",
            description = "Where to push updates, e.g. http://localhost:8080/api/v1/webhook/17track.")
    URI pushTo;

    @Option(names = "--speed", paramLabel = "DURATION", defaultValue = "PT1H",
            description = "Simulated time per real second (ISO-8601, default ${DEFAULT-VALUE}; PT0S stops the clock).")
    Duration speed;

    @Option(names = "--seed", defaultValue = "17", description = "Seed of the generated histories (default 17).")
    long seed;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Simulator simulator;

    @Override
    public Integer call() throws InterruptedException {
        if (speed.isNegative()) {
            throw new IllegalArgumentException("--speed must not be negative");
        }
        SimulatorConfig config = SimulatorConfig.defaults().withPort(port).withApiKey(key == null ? randomKey() : key)
                .withWebhookUrl(pushTo).withSeed(seed)
                .withPushRetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2)));
        Simulator sim = Simulator.start(config);
        simulator = sim;
        if (!speed.isZero()) {
            sim.autoAdvance(Duration.ofSeconds(1), speed);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "trackctl-simulator-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("17TRACK simulator listening on " + sim.baseUri());
        out.println("  key:     " + sim.apiKey());
        out.println("  pushes:  " + (pushTo == null ? "none (give --push-to URL)" : pushTo));
        out.println("  clock:   " + (speed.isZero() ? "stopped" : "+" + speed + " every second"));
        out.println("Use it with:  ./trackctl serve --17track-url " + sim.baseUri() + " --17track-key " + sim.apiKey());
        out.println("Stop with Ctrl-C.");
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    /** The running simulator (for tests). */
    Simulator simulator() {
        return simulator;
    }

    void stop() {
        Simulator s = simulator;
        if (s != null && stopped.getCount() > 0) {
            try {
                s.close();
            } finally {
                stopped.countDown();
            }
        }
    }

    private static String randomKey() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
