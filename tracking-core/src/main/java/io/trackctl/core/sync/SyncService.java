package io.trackctl.core.sync;

import io.trackctl.core.ingest.SnapshotApplier;
import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.JobTrigger;
import io.trackctl.core.model.NewJob;
import io.trackctl.core.model.RegistrationState;
import io.trackctl.core.model.SyncJob;
import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.port.JobQueue;
import io.trackctl.core.port.TrackingGateway;
import io.trackctl.core.port.TrackingGateway.NumberRef;
import io.trackctl.core.port.TrackingGateway.Rejection;
import io.trackctl.core.port.TrackingStore;
import io.trackctl.core.snapshot.Snapshot;
import io.trackctl.core.work.JobHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Registration with 17TRACK and pulls of current snapshots. Registration jobs are queued when
 * numbers are created ({@code TrackingService.RegistrationQueue}); pulls are queued by hand or by
 * the scheduler. Workers take up to 40 jobs per
 * 17TRACK call, register numbers 17TRACK does not know yet and pull them again, and apply each
 * snapshot through the same {@link SnapshotApplier} as webhook pushes.
 */
public final class SyncService {

    /** 17TRACK's limit of numbers per call. */
    public static final int BATCH = 40;
    private static final System.Logger LOG = System.getLogger(SyncService.class.getName());

    private final TrackingStore tracking;
    private final JobQueue queue;
    private final TrackingGateway gateway;
    private final SnapshotApplier applier;
    private final SyncSettings settings;
    private final Clock clock;

    /** @param gateway null when no 17TRACK key is configured: registration and pulls are then refused */
    public SyncService(TrackingStore tracking, JobQueue queue, TrackingGateway gateway, SnapshotApplier applier,
                       SyncSettings settings, Clock clock) {
        this.tracking = Objects.requireNonNull(tracking, "tracking");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.gateway = gateway;
        this.applier = Objects.requireNonNull(applier, "applier");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public boolean configured() {
        return gateway != null;
    }

    /** What a trigger did: jobs queued, numbers skipped as fresh, ids not found. */
    public record Triggered(Map<Long, Long> jobByTrackingId, List<Long> skippedFresh, List<Long> notFound) {
    }

    /**
     * Queues a pull for each tracking number ({@code shopScope} non-null limits to that shop; others
     * count as not found). Numbers synced within the freshness window are skipped unless forced.
     */
    public Triggered trigger(Long shopScope, List<Long> trackingIds, boolean forcePull, JobTrigger trigger) {
        requireConfigured();
        Instant now = clock.instant();
        Instant freshSince = now.minus(settings.freshFor());
        List<Long> skipped = new ArrayList<>();
        List<Long> notFound = new ArrayList<>();
        List<Long> toPull = new ArrayList<>();
        for (Long id : new java.util.LinkedHashSet<>(trackingIds)) {
            Optional<TrackingNumber> t = tracking.findTracking(id)
                    .filter(x -> shopScope == null || x.shopId() == shopScope);
            if (t.isEmpty()) {
                notFound.add(id);
            } else if (!forcePull && t.get().lastSyncAt() != null && t.get().lastSyncAt().isAfter(freshSince)) {
                skipped.add(id);
            } else {
                toPull.add(id);
            }
        }
        Map<Long, Long> jobs = enqueuePulls(toPull, trigger, now);
        return new Triggered(jobs, skipped, notFound);
    }

    /** One scheduler run: stale, non-final numbers, stalest first, within the budget. Returns jobs queued. */
    public int scheduleStale() {
        if (!configured() || settings.budgetPerRun() == 0) {
            return 0;
        }
        Instant now = clock.instant();
        List<Long> ids = tracking.dueForSync(now.minus(settings.staleAfter()), settings.budgetPerRun()).stream()
                .map(TrackingNumber::id).toList();
        return enqueuePulls(ids, JobTrigger.SCHEDULE, now).size();
    }

    public SyncSettings settings() {
        return settings;
    }

    private Map<Long, Long> enqueuePulls(List<Long> ids, JobTrigger trigger, Instant now) {
        Map<Long, Long> jobByTracking = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return jobByTracking;
        }
        List<NewJob> jobs = ids.stream()
                .map(id -> new NewJob(JobKind.PULL, trigger, id, null, settings.maxAttempts(), now)).toList();
        List<Long> jobIds = queue.enqueue(jobs);
        for (int i = 0; i < ids.size(); i++) {
            jobByTracking.put(ids.get(i), jobIds.get(i));
        }
        queue.signal();
        return jobByTracking;
    }

    /** The worker side of REGISTER jobs. */
    public JobHandler registerHandler() {
        return new BatchHandler() {
            @Override
            Map<Long, Throwable> work(Map<Long, TrackingNumber> byJob) {
                Map<String, List<Long>> jobsByNumber = new HashMap<>();
                byJob.forEach((jobId, t) -> jobsByNumber.computeIfAbsent(t.number(), n -> new ArrayList<>()).add(jobId));
                TrackingGateway.Registration r = gateway.register(refs(byJob.values()));
                Map<Long, Throwable> failures = new HashMap<>();
                markRegistered(byJob, r.accepted());
                for (Rejection rej : r.rejected()) {
                    for (Long jobId : jobsByNumber.getOrDefault(rej.number(), List.of())) {
                        tracking.markRegistration(List.of(byJob.get(jobId).id()), RegistrationState.REJECTED,
                                rej.code() + " " + rej.message());
                        failures.put(jobId, new RejectedByTrackingService(rej));
                    }
                }
                return failures;
            }
        };
    }

    /**
     * The worker side of PULL jobs. A pull queued before the number was last synced (a scheduler
     * run while an earlier pull still waited for a retry, say) succeeds without calling 17TRACK.
     */
    public JobHandler pullHandler() {
        return new BatchHandler() {
            @Override
            boolean doneSince(SyncJob job, TrackingNumber t) {
                return t.lastSyncAt() != null && job.createdAt() != null && t.lastSyncAt().isAfter(job.createdAt());
            }

            @Override
            Map<Long, Throwable> work(Map<Long, TrackingNumber> byJob) {
                TrackingGateway.Pull pull = gateway.pull(refs(byJob.values()));
                List<Rejection> rejected = new ArrayList<>(pull.rejected());
                List<Snapshot> snapshots = new ArrayList<>(pull.snapshots());
                List<TrackingNumber> unknown = byJob.values().stream()
                        .filter(t -> rejected.stream().anyMatch(r -> r.number().equals(t.number())
                                && TrackingGateway.isNotRegistered(r.code())))
                        .toList();
                if (!unknown.isEmpty()) {
                    TrackingGateway.Registration reg = gateway.register(refs(unknown));
                    markRegistered(byJob, reg.accepted());
                    rejected.removeIf(r -> TrackingGateway.isNotRegistered(r.code())
                            && reg.accepted().stream().anyMatch(a -> a.number().equals(r.number())));
                    rejected.addAll(reg.rejected());
                    if (!reg.accepted().isEmpty()) {
                        TrackingGateway.Pull again = gateway.pull(reg.accepted());
                        snapshots.addAll(again.snapshots());
                    }
                }
                for (Snapshot s : snapshots) {
                    applier.apply(s);
                }
                Map<Long, Throwable> failures = new HashMap<>();
                List<Long> synced = new ArrayList<>();
                byJob.forEach((jobId, t) -> {
                    Optional<Rejection> rej = rejected.stream().filter(r -> r.number().equals(t.number())).findFirst();
                    if (rej.isPresent() && !TrackingGateway.isNotRegistered(rej.get().code())) {
                        failures.put(jobId, new RejectedByTrackingService(rej.get()));
                    } else {
                        synced.add(t.id());
                    }
                });
                tracking.markSynced(synced, clock.instant());
                LOG.log(System.Logger.Level.DEBUG, "pulled {0} numbers, {1} snapshots, {2} rejected",
                        byJob.size(), snapshots.size(), failures.size());
                return failures;
            }
        };
    }

    private void markRegistered(Map<Long, TrackingNumber> byJob, List<NumberRef> accepted) {
        List<Long> ids = new ArrayList<>();
        for (NumberRef a : accepted) {
            byJob.values().stream().filter(t -> t.number().equals(a.number())).forEach(t -> ids.add(t.id()));
        }
        if (!ids.isEmpty()) {
            tracking.markRegistration(ids, RegistrationState.REGISTERED, null);
        }
    }

    private static List<NumberRef> refs(java.util.Collection<TrackingNumber> numbers) {
        Map<String, NumberRef> unique = new LinkedHashMap<>();
        for (TrackingNumber t : numbers) {
            unique.putIfAbsent(t.number() + "|" + t.carrierKey(), new NumberRef(t.number(), t.carrierKey()));
        }
        return new ArrayList<>(unique.values());
    }

    private void requireConfigured() {
        if (!configured()) {
            throw new NotConfiguredException("17TRACK is not configured: set an API key (--17track-key or "
                    + "TRACKCTL_17TRACK_KEY) to register and pull tracking numbers");
        }
    }

    /** Loads the tracking number of each job; jobs whose number was deleted simply succeed. */
    private abstract class BatchHandler implements JobHandler {

        @Override
        public int batchSize() {
            return BATCH;
        }

        @Override
        public Map<Long, Throwable> handle(List<SyncJob> jobs) {
            requireConfigured();
            Map<Long, TrackingNumber> byJob = new LinkedHashMap<>();
            for (SyncJob j : jobs) {
                if (j.trackingId() != null) {
                    tracking.findTracking(j.trackingId())
                            .filter(t -> !doneSince(j, t))
                            .ifPresent(t -> byJob.put(j.id(), t));
                }
            }
            return byJob.isEmpty() ? Map.of() : work(byJob);
        }

        abstract Map<Long, Throwable> work(Map<Long, TrackingNumber> byJob);

        /** Whether the job's work was already done by another job since it was queued. */
        boolean doneSince(SyncJob job, TrackingNumber t) {
            return false;
        }
    }
}
