package io.trackctl.client.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for the 17TRACK API v2.2: a real HTTP server on 127.0.0.1 with the same
 * endpoints, envelope, error codes and limits, numbers that move through deterministic histories
 * as the simulated clock is {@linkplain #advance(Duration) advanced}, and signed webhook pushes.
 * <pre>{@code
 * try (var sim = Simulator.start(SimulatorConfig.defaults())) {
 *     var client = SeventeenTrackClient.create(SeventeenTrackConfig.of(sim.apiKey()).withBaseUrl(sim.baseUri()));
 * }
 * }</pre>
 */
public final class Simulator implements AutoCloseable {

    private final SimulatorConfig config;
    private final HttpServer server;
    private final ExecutorService executor;
    private final SimState state;
    private final Faults faults = new Faults();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Pusher pusher;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "simulator-clock");
        t.setDaemon(true);
        return t;
    });

    private Simulator(SimulatorConfig config) throws IOException {
        this.config = config;
        this.state = new SimState(config);
        this.pusher = config.webhookUrl() == null ? null
                : new Pusher(config.webhookUrl(), config.apiKey(), config.pushRetrySchedule(), state::pushed);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 64);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext(ApiHandler.BASE_PATH, new ApiHandler(config, state, faults, requests::add, this::send));
        server.start();
    }

    /** Starts a simulator; close it to free the port. */
    public static Simulator start(SimulatorConfig config) {
        try {
            return new Simulator(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the 17TRACK simulator on port " + config.port(), e);
        }
    }

    /** The API root, e.g. {@code http://127.0.0.1:41234/track/v2.2/}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port() + ApiHandler.BASE_PATH);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String apiKey() {
        return config.apiKey();
    }

    public SimulatorConfig config() {
        return config;
    }

    /** The switches for injected failures. */
    public Faults faults() {
        return faults;
    }

    /** The simulated time. */
    public Instant now() {
        return state.now();
    }

    /**
     * Moves simulated time forward. Events up to the new time become visible; numbers whose state
     * changed are pushed (TRACKING_UPDATED), numbers due for the automatic stop are stopped and
     * pushed (TRACKING_STOPPED). Pushes are sent in the background.
     */
    public void advance(Duration by) {
        send(state.advance(by, pusher != null, faults.outOfOrderPushes()));
    }

    /**
     * Lets simulated time run on its own: every {@code realInterval} the clock moves by
     * {@code simulatedStep} (for demos, e.g. one hour of parcel life per second).
     */
    public void autoAdvance(Duration realInterval, Duration simulatedStep) {
        if (realInterval.isNegative() || realInterval.isZero() || simulatedStep.isNegative()) {
            throw new IllegalArgumentException("need a positive interval and a non-negative step");
        }
        ticker.scheduleAtFixedRate(() -> advance(simulatedStep), realInterval.toNanos(), realInterval.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    /** Every API request seen so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests seen for one endpoint. */
    public List<RecordedRequest> requests(String endpoint) {
        return requests.stream().filter(r -> r.endpoint().equals(endpoint)).toList();
    }

    /** Forgets the recorded requests. */
    public void clearRequests() {
        requests.clear();
    }

    /** Every push delivery attempt so far. */
    public List<PushAttempt> pushAttempts() {
        return pusher == null ? List.of() : pusher.attempts();
    }

    /** The registered numbers. */
    public List<String> numbers() {
        return state.numbers();
    }

    private void send(List<SimState.Outgoing> pushes) {
        if (pusher == null) {
            return;
        }
        for (SimState.Outgoing p : pushes) {
            pusher.send(p.number(), p.event(), p.body());
            if (faults.duplicatePushes()) {
                pusher.send(p.number(), p.event(), p.body());
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        server.stop(0);
        executor.shutdownNow();
        if (pusher != null) {
            pusher.close();
        }
    }

    @Override
    public String toString() {
        return "Simulator[" + baseUri() + "]";
    }
}
