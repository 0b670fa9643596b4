package io.trackctl.server;

import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.trackctl.core.crypto.SecretBox;
import io.trackctl.core.service.TrackingService;
import io.trackctl.server.auth.BearerAuthenticator;
import io.trackctl.server.auth.SecretFiles;
import io.trackctl.server.auth.TokenService;
import io.trackctl.server.health.HealthProbe;
import io.trackctl.server.health.HealthReport;
import io.trackctl.server.health.Probes;
import io.trackctl.server.http.Drain;
import io.trackctl.server.http.Endpoint;
import io.trackctl.server.http.EnvelopeDirectHandler;
import io.trackctl.server.http.RequestMetrics;
import io.trackctl.server.http.RouteContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * The standalone server: the data directory and its keys, the backend, the use cases, Helidon with
 * {@code /api/v1} and metrics. {@link #stop()} lets requests in flight finish (up to the grace period)
 * before the backend closes.
 */
public final class TrackctlServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TrackctlServer.class.getName());
    /** How long the listener waits for connections once the requests in flight have finished. */
    private static final Duration LISTENER_GRACE = Duration.ofMillis(500);

    private final ServerSettings settings;
    private final Backend backend;
    private final Engine engine;
    private final WebServer web;
    private final TokenService tokens;
    private final List<Endpoint> endpoints;
    private final Drain drain;
    /** Set by the first {@link #stop()}; a later call returns at once (a concurrent one once the first is done). */
    private boolean stopped;

    private TrackctlServer(ServerSettings settings, Backend backend, Engine engine, WebServer web,
                           TokenService tokens, List<Endpoint> endpoints, Drain drain) {
        this.settings = settings;
        this.drain = drain;
        this.backend = backend;
        this.engine = engine;
        this.web = web;
        this.tokens = tokens;
        this.endpoints = endpoints;
    }

    /** Starts on the database the settings name. */
    public static TrackctlServer start(ServerSettings settings) {
        return start(settings, StoreBackend::open);
    }

    /** Starts on the backend {@code open} returns for these settings; closes it again if the start fails. */
    public static TrackctlServer start(ServerSettings settings, Function<ServerSettings, Backend> open) {
        createDataDir(settings.dataDir());
        TokenService tokens = tokenService(settings);
        SecretBox box = new SecretBox(encryptionKey(settings));
        Backend backend = open.apply(settings);
        Engine engine = null;
        try {
            engine = Engine.create(backend, settings, Clock.systemUTC(), true);
            HealthProbe redis = settings.redis() == null ? Probes.disabled()
                    : Probes.timed("redis", () -> RedisPing.ping(settings.redis()));
            HealthReport health = new HealthReport(Probes.timed("database", backend::ping), redis,
                    Probes.queue(engine.queue()));
            TrackctlApi.Components components = TrackctlApi.Components.on(backend, settings, box, engine, health);
            RouteContext context = new RouteContext(new BearerAuthenticator(tokens), settings.maxBodyBytes());
            RequestMetrics metrics = new RequestMetrics(Metrics.globalRegistry());
            List<Endpoint>[] routed = newHolder();
            Drain drain = new Drain();
            WebServer web = WebServer.builder()
                    .port(settings.port())
                    .shutdownHook(false)
                    // The requests in flight have had the settings' grace in stop() already (Drain); what
                    // is left are idle connections, which this closes.
                    .shutdownGracePeriod(LISTENER_GRACE)
                    // The JSON routes enforce maxBodyBytes themselves; uploads and the webhook have limits of
                    // their own, and the webhook must see oversized pushes to log them.
                    .maxPayloadSize(Math.max(settings.maxBodyBytes(),
                            Math.max(settings.maxUploadBytes(), settings.engine().webhookMaxBytes())))
                    .directHandlers(EnvelopeDirectHandler.all())
                    // Helidon's prologue check refuses a raw ':' in the query, which every ISO-8601 instant
                    // filter (updatedFrom=2025-01-01T00:00:00Z) has; parameters are validated by the API.
                    .addProtocol(Http1Config.builder().validatePrologue(false).build())
                    .featuresDiscoverServices(false)
                    .addFeature(ObserveFeature.builder()
                            .observersDiscoverServices(false)
                            .addObserver(MetricsObserver.create())
                            .build())
                    .routing(r -> {
                        routed[0] = TrackctlApi.route(r, components, context, metrics);
                        // After the metrics filter, so the 503s of a stop are counted too.
                        r.addFilter(drain);
                    })
                    .build()
                    .start();
            return new TrackctlServer(settings, backend, engine, web, tokens, routed[0], drain);
        } catch (RuntimeException e) {
            if (engine != null) {
                engine.close();
            }
            backend.close();
            throw e;
        }
    }

    public int port() {
        return web.port();
    }

    public URI url() {
        return URI.create("http://localhost:" + port());
    }

    /** The settings the server started with. */
    public ServerSettings settings() {
        return settings;
    }

    /** The storage the server runs on. */
    public Backend backend() {
        return backend;
    }

    public TokenService tokens() {
        return tokens;
    }

    /** The routes the server answers, as registered. */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** What an operator needs to know after a start: the URL, the data, how to get a token. */
    public String banner() {
        return String.join(System.lineSeparator(),
                "trackctl is listening on " + url() + "/api/v1",
                "  data directory: " + settings.dataDir().toAbsolutePath().normalize(),
                "  database:       " + backend.describe(),
                "  redis:          " + (settings.redis() == null ? "not used" : "configured"),
                "  17TRACK:        " + (settings.seventeenTrackKey() == null
                        ? "no API key (registration and pulls are not configured)" : "API key configured"),
                "  metrics:        " + url() + "/observe/metrics",
                "Get an admin token with:  ./trackctl token create --admin"
                        + (settings.dataDir().equals(ServerSettings.DEFAULT_DATA_DIR) ? ""
                        : " --data-dir " + settings.dataDir()),
                "Then try:  curl -H \"Authorization: Bearer $TOKEN\" " + url() + "/api/v1/health");
    }

    /** The background work: queue, ingest, workers, sync. */
    public Engine engine() {
        return engine;
    }

    /**
     * Refuses new requests (503) and lets those in flight finish, for at most the settings' shutdown
     * grace; then closes the listener and its idle connections, stops the workers and closes the
     * backend.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        boolean interrupted = false;
        try {
            int running = drain.awaitIdle(settings.shutdownGrace());
            if (running > 0) {
                LOG.log(System.Logger.Level.WARNING, "{0} requests still running after the shutdown grace of {1};"
                        + " stopping anyway", running, settings.shutdownGrace());
            }
        } catch (InterruptedException e) {
            // Stopping goes on in full: the listener, the workers and the backend are still closed.
            interrupted = true;
        }
        try {
            web.stop();
        } finally {
            try {
                engine.close();
            } finally {
                backend.close();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The requests being handled now (for tests). */
    int requestsInFlight() {
        return drain.inFlight();
    }

    /** Whether {@link #stop()} has begun (for tests). */
    boolean stopping() {
        return drain.draining();
    }

    @Override
    public void close() {
        stop();
    }

    /** The token service of a data directory, without starting a server (for {@code token create}). */
    public static TokenService tokenService(ServerSettings settings) {
        createDataDir(settings.dataDir());
        byte[] secret = settings.jwtSecret() != null
                ? settings.jwtSecret().getBytes(StandardCharsets.UTF_8)
                : SecretFiles.loadOrCreate(settings.dataDir(), SecretFiles.JWT_SECRET, 32);
        return new TokenService(secret, Clock.systemUTC());
    }

    /** The key shop credentials are sealed with: the configured one, or the data directory's generated one. */
    public static byte[] encryptionKey(ServerSettings settings) {
        createDataDir(settings.dataDir());
        return settings.encryptionKey() != null
                ? Base64.getDecoder().decode(settings.encryptionKey())
                : SecretFiles.loadOrCreate(settings.dataDir(), SecretFiles.ENCRYPTION_KEY, 32);
    }

    private static void createDataDir(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Endpoint>[] newHolder() {
        return new List[1];
    }
}
