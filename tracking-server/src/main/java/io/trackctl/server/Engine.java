package io.trackctl.server;

import io.trackctl.client.SeventeenTrackClient;
import io.trackctl.client.SeventeenTrackConfig;
import io.trackctl.client.SlidingWindowRateLimiter;
import io.trackctl.client.WebhookSignature;
import io.trackctl.core.imports.ImportPipeline;
import io.trackctl.core.imports.ImportService;
import io.trackctl.core.ingest.MemoryDedupeCache;
import io.trackctl.core.ingest.SignatureVerifier;
import io.trackctl.core.ingest.SnapshotApplier;
import io.trackctl.core.ingest.WebhookIngest;
import io.trackctl.core.model.JobKind;
import io.trackctl.core.port.AlertSink;
import io.trackctl.core.port.DedupeCache;
import io.trackctl.core.port.JobQueue;
import io.trackctl.core.port.RateLimiter;
import io.trackctl.core.port.TrackingGateway;
import io.trackctl.core.retry.RetryPolicy;
import io.trackctl.core.service.TrackingService;
import io.trackctl.core.sync.SchedulerLock;
import io.trackctl.core.sync.SyncScheduler;
import io.trackctl.core.sync.SyncService;
import io.trackctl.core.work.Alerts;
import io.trackctl.core.work.JobHandler;
import io.trackctl.core.work.JobRunner;
import io.trackctl.server.alert.WebhookAlertSink;
import io.trackctl.store.redis.RedisConnection;
import io.trackctl.store.redis.RedisDedupeCache;
import io.trackctl.store.redis.RedisRateLimiter;
import io.trackctl.store.redis.RedisStreamJobQueue;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything that runs besides the HTTP routes, assembled once from the settings: the job queue
 * (database, or Redis Streams when Redis is configured), the webhook ingest with its dedupe
 * layers, the snapshot applier, the 17TRACK gateway (when a key is set), imports, sync and its
 * scheduler, alerts, and the worker threads. The server and the command line share it.
 */
public final class Engine implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Engine.class.getName());
    private static final int MEMORY_DEDUPE_CAPACITY = 200_000;
    /**
     * Apply jobs one worker claims at once. Each delivery is still applied in a transaction of its
     * own (a long transaction would hold SQLite's single writer while webhook requests wait); the
     * claim, the deliveries' outcomes and the jobs' success marks are paid once for the lot.
     */
    private static final int APPLY_CLAIM = 8;
    private static final Duration REDIS_DEDUPE_TTL = Duration.ofDays(3);

    private final RedisConnection redis;
    private final JobQueue queue;
    private final TrackingGateway gateway;
    private final WebhookIngest ingest;
    private final SnapshotApplier applier;
    private final Alerts alerts;
    private final SyncService sync;
    private final ImportService imports;
    private final TrackingService.RegistrationQueue registration;
    private final JobRunner runner;
    private final SyncScheduler scheduler;
    private final String instanceId;
    private final List<AutoCloseable> owned;

    private Engine(Builder b) {
        this.redis = b.redis;
        this.queue = b.queue;
        this.gateway = b.gateway;
        this.ingest = b.ingest;
        this.applier = b.applier;
        this.alerts = b.alerts;
        this.sync = b.sync;
        this.imports = b.imports;
        this.registration = b.registration;
        this.runner = b.runner;
        this.scheduler = b.scheduler;
        this.instanceId = b.instanceId;
        this.owned = List.copyOf(b.owned);
    }

    /**
     * Assembles the engine on a backend. Workers and the scheduler start only when
     * {@code runWorkers} is true (the command line assembles it without them for one-shot work).
     */
    public static Engine create(Backend backend, ServerSettings settings, Clock clock, boolean runWorkers) {
        Builder b = new Builder();
        EngineSettings es = settings.engine();
        b.instanceId = newInstanceId();
        try {
            if (settings.redis() != null) {
                b.redis = RedisConnection.open(settings.redis(), es.redisPrefix());
            }
            b.queue = b.redis == null ? backend.jobs() : redisQueue(backend, b.redis, es.lease());
            b.gateway = gateway(settings, b.redis, b.owned);
            List<DedupeCache> layers = new ArrayList<>();
            layers.add(new MemoryDedupeCache(MEMORY_DEDUPE_CAPACITY));
            if (b.redis != null) {
                layers.add(new RedisDedupeCache(b.redis, REDIS_DEDUPE_TTL));
            }
            b.ingest = new WebhookIngest(backend.webhooks(), b.queue, verifier(settings.signingKeys()), layers,
                    es.timestampWindow(), es.maxAttempts());
            b.applier = new SnapshotApplier(backend.tracking(), backend.snapshots(), backend.webhooks(), clock);
            b.alerts = new Alerts(backend.alerts(), sinks(es.alertWebhook(), b.owned));
            b.sync = new SyncService(backend.tracking(), b.queue, b.gateway, b.applier, es.sync(), clock);
            b.registration = b.gateway == null ? TrackingService.RegistrationQueue.NONE
                    : TrackingService.RegistrationQueue.on(b.queue, es.maxAttempts());
            TrackingService.RegistrationQueue reg = b.registration;
            b.imports = new ImportService(backend.shops(), backend.imports(), b.queue,
                    new ImportPipeline(backend.tracking(), backend.orders(), backend.carriers(),
                            ImportPipeline.DEFAULT_BATCH_SIZE),
                    reg::registerLater, clock);
            b.runner = runner(b, es, clock);
            if (runWorkers) {
                b.runner.start();
                if (b.gateway != null && es.scheduler()) {
                    b.scheduler = new SyncScheduler(b.sync, schedulerLock(backend),
                            runLog(es, b.redis, b.instanceId)).start();
                }
            }
            return new Engine(b);
        } catch (RuntimeException e) {
            if (b.scheduler != null) {
                b.scheduler.close();
            }
            if (b.runner != null) {
                b.runner.close();
            }
            closeAll(b.queue, b.owned, b.redis);
            throw e;
        }
    }

    /** On PostgreSQL an advisory lock, so that one instance of a cluster schedules at a time. */
    private static SchedulerLock schedulerLock(Backend backend) {
        return backend instanceof StoreBackend store ? store.store().schedulerLock() : SchedulerLock.local();
    }

    /**
     * The queue on Redis Streams. A job stored but never handed to Redis (its instance died between
     * the commit and the publication) is orphaned work like a job held by a dead worker, so it is
     * published again after the same lease (at most a minute), looked for every half lease (at most
     * every 30 seconds).
     */
    private static JobQueue redisQueue(Backend backend, RedisConnection redis, Duration lease) {
        Duration after = min(lease, Duration.ofMinutes(1));
        Duration every = min(lease.dividedBy(2), Duration.ofSeconds(30));
        return backend.jobsOnRedis(redis, new RedisStreamJobQueue.Options(every, after,
                RedisStreamJobQueue.Options.defaults().republishBatch()));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static TrackingGateway gateway(ServerSettings settings, RedisConnection redis,
                                           List<AutoCloseable> owned) {
        if (settings.seventeenTrackKey() == null) {
            return null;
        }
        SeventeenTrackConfig config = SeventeenTrackConfig.of(settings.seventeenTrackKey())
                .withBaseUrl(settings.seventeenTrackUrl());
        RateLimiter limiter = redis == null
                ? SlidingWindowRateLimiter.shared(settings.seventeenTrackKey(), config.requestsPerSecond())
                : new RedisRateLimiter(redis, settings.seventeenTrackKey(), config.requestsPerSecond());
        HttpClient http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
        owned.add(http);
        return new SeventeenTrackClient(http, config, limiter);
    }

    private static SyncScheduler.RunLog runLog(EngineSettings es, RedisConnection redis, String instanceId) {
        if (!es.recordSchedulerRuns()) {
            return SyncScheduler.RunLog.NONE;
        }
        return redis == null ? SchedulerRuns.logged(instanceId) : SchedulerRuns.inRedis(redis, instanceId);
    }

    private static SignatureVerifier verifier(List<String> keys) {
        WebhookSignature signature = keys.isEmpty() ? null : WebhookSignature.of(keys.toArray(String[]::new));
        return new SignatureVerifier() {
            @Override
            public boolean verify(byte[] body, String sign) {
                return signature != null && signature.verify(body, sign);
            }

            @Override
            public boolean configured() {
                return signature != null;
            }
        };
    }

    private static List<AlertSink> sinks(URI alertWebhook, List<AutoCloseable> owned) {
        if (alertWebhook == null) {
            return List.of();
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        owned.add(http);
        return List.of(new WebhookAlertSink(http, alertWebhook, Duration.ofSeconds(10)));
    }

    private static JobRunner runner(Builder b, EngineSettings es, Clock clock) {
        Map<JobKind, JobHandler> handlers = new EnumMap<>(JobKind.class);
        SnapshotApplier applier = b.applier;
        handlers.put(JobKind.APPLY_WEBHOOK, new JobHandler() {
            @Override
            public int batchSize() {
                return APPLY_CLAIM;
            }

            @Override
            public Map<Long, Throwable> handle(List<io.trackctl.core.model.SyncJob> jobs) {
                Map<Long, Throwable> byJob = new HashMap<>();
                List<Long> deliveries = new ArrayList<>();
                for (io.trackctl.core.model.SyncJob job : jobs) {
                    if (job.refId() == null) {
                        byJob.put(job.id(), new IllegalStateException("apply job " + job.id() + " names no delivery"));
                    } else {
                        deliveries.add(job.refId());
                    }
                }
                // Two jobs may name one delivery (a replay queued beside a retry): it is applied
                // once, and both jobs share its result.
                Map<Long, RuntimeException> byDelivery = applier.applyDeliveries(deliveries);
                for (io.trackctl.core.model.SyncJob job : jobs) {
                    RuntimeException failure = job.refId() == null ? null : byDelivery.get(job.refId());
                    if (failure != null) {
                        byJob.put(job.id(), failure);
                    }
                }
                return byJob;
            }

            @Override
            public void gaveUp(io.trackctl.core.model.SyncJob job, String reason) {
                if (job.refId() != null) {
                    applier.markFailed(job.refId(), reason);
                }
            }
        });
        handlers.put(JobKind.IMPORT, b.imports.handler());
        handlers.put(JobKind.REGISTER, b.sync.registerHandler());
        handlers.put(JobKind.PULL, b.sync.pullHandler());
        List<JobRunner.Pool> pools = new ArrayList<>();
        pools.add(new JobRunner.Pool("apply", Set.of(JobKind.APPLY_WEBHOOK), es.workers()));
        pools.add(new JobRunner.Pool("import", Set.of(JobKind.IMPORT), 1));
        if (b.gateway != null) {
            pools.add(new JobRunner.Pool("sync", Set.of(JobKind.REGISTER, JobKind.PULL), 1));
        }
        RetryPolicy policy = RetryPolicy.defaults(clock).withMaxAttempts(es.maxAttempts())
                .withDelays(es.retryBaseDelay(), es.retryMaxDelay());
        return new JobRunner(b.queue, handlers, policy, b.alerts, pools, es.lease(), b.instanceId);
    }

    private static String newInstanceId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "host");
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    public JobQueue queue() {
        return queue;
    }

    /** The 17TRACK gateway, or null when no API key is configured. */
    public TrackingGateway gateway() {
        return gateway;
    }

    public WebhookIngest ingest() {
        return ingest;
    }

    public SnapshotApplier applier() {
        return applier;
    }

    public Alerts alerts() {
        return alerts;
    }

    public SyncService sync() {
        return sync;
    }

    public ImportService imports() {
        return imports;
    }

    public TrackingService.RegistrationQueue registration() {
        return registration;
    }

    public JobRunner runner() {
        return runner;
    }

    /** Null when no scheduler runs in this process. */
    public SyncScheduler scheduler() {
        return scheduler;
    }

    public RedisConnection redis() {
        return redis;
    }

    public String instanceId() {
        return instanceId;
    }

    /** Stops the scheduler and the workers (jobs in flight finish), then lets go of Redis. */
    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.close();
        }
        runner.close();
        closeAll(queue, owned, redis);
        LOG.log(System.Logger.Level.DEBUG, "engine {0} stopped", instanceId);
    }

    /** The Redis queue (its listener on the database queue), the HTTP clients, then Redis itself. */
    private static void closeAll(JobQueue queue, List<AutoCloseable> owned, RedisConnection redis) {
        List<AutoCloseable> all = new ArrayList<>();
        if (queue instanceof AutoCloseable c && redis != null) {
            all.add(c);
        }
        all.addAll(owned);
        if (redis != null) {
            all.add(redis);
        }
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "closing {0} failed: {1}", c.getClass().getSimpleName(),
                        e.toString());
            }
        }
    }

    private static final class Builder {
        final List<AutoCloseable> owned = new ArrayList<>();
        RedisConnection redis;
        JobQueue queue;
        TrackingGateway gateway;
        WebhookIngest ingest;
        SnapshotApplier applier;
        Alerts alerts;
        SyncService sync;
        ImportService imports;
        TrackingService.RegistrationQueue registration;
        JobRunner runner;
        SyncScheduler scheduler;
        String instanceId;
    }
}
