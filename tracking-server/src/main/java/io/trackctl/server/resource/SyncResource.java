package io.trackctl.server.resource;

import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.JobStatus;
import io.trackctl.core.model.JobTrigger;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.SyncJob;
import io.trackctl.core.model.SyncJobQuery;
import io.trackctl.core.port.JobQueue;
import io.trackctl.core.service.Caller;
import io.trackctl.core.service.ValidationException;
import io.trackctl.core.sync.SyncService;
import io.trackctl.server.http.ApiException;
import io.trackctl.server.http.ApiRequest;
import io.trackctl.server.http.ApiService;
import io.trackctl.server.http.ErrorCode;
import io.trackctl.server.http.Reply;
import io.trackctl.server.http.Routes;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code /sync}: queue pulls from 17TRACK by hand, and list the jobs of the queue (registrations,
 * pulls, webhook applies, imports) with their attempts and errors. Without a 17TRACK API key a
 * trigger is answered 503 (50301) with the reason.
 */
public final class SyncResource implements ApiService {

    /** The most tracking ids one trigger may name. */
    public static final int MAX_TRIGGER = 1000;

    record TriggerBody(List<Long> trackingIds, Boolean forcePull) {
    }

    record QueuedView(long trackingId, long jobId) {
    }

    record TriggerView(List<QueuedView> jobs, List<Long> skippedFresh, List<Long> notFound) {
    }

    record JobView(long id, String kind, String trigger, String status, Long trackingId, Long importId, int attempts,
                   int maxAttempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant updatedAt,
                   Instant finishedAt) {
        static JobView of(SyncJob j) {
            return new JobView(j.id(), lower(j.kind()), lower(j.trigger()), lower(j.status()), j.trackingId(),
                    j.kind() == JobKind.IMPORT ? j.refId() : null, j.attempts(), j.maxAttempts(), j.nextAttemptAt(),
                    j.lastError(), j.createdAt(), j.updatedAt(), j.finishedAt());
        }
    }

    private final SyncService sync;
    private final JobQueue queue;

    public SyncResource(SyncService sync, JobQueue queue) {
        this.sync = sync;
        this.queue = queue;
    }

    @Override
    public String path() {
        return "/sync";
    }

    @Override
    public void routes(Routes routes) {
        routes.post("/trigger", this::trigger)
                .get("/jobs", this::jobs);
    }

    private Object trigger(ApiRequest req) {
        TriggerBody b = req.body(TriggerBody.class);
        if (b.trackingIds() == null || b.trackingIds().isEmpty()) {
            throw ValidationException.of("trackingIds", "must name at least one tracking id");
        }
        if (b.trackingIds().size() > MAX_TRIGGER) {
            throw ValidationException.of("trackingIds", "must name at most " + MAX_TRIGGER + " tracking ids");
        }
        if (b.trackingIds().stream().anyMatch(id -> id == null || id < 1)) {
            throw ValidationException.of("trackingIds", "must be positive whole numbers");
        }
        if (!sync.configured()) {
            throw new ApiException(ErrorCode.UNAVAILABLE, "17TRACK is not configured on this server: set an API key "
                    + "(--17track-key or TRACKCTL_17TRACK_KEY) to register and pull tracking numbers");
        }
        SyncService.Triggered t = sync.trigger(req.caller().scope(), b.trackingIds(),
                Boolean.TRUE.equals(b.forcePull()), JobTrigger.MANUAL);
        List<QueuedView> jobs = t.jobByTrackingId().entrySet().stream()
                .map(e -> new QueuedView(e.getKey(), e.getValue())).toList();
        return new Reply(202, new TriggerView(jobs, t.skippedFresh(), t.notFound()));
    }

    private Object jobs(ApiRequest req) {
        Long trackingId = req.queryId("trackingId");
        JobStatus status = req.query("status").map(v -> parse(JobStatus.class, "status", v)).orElse(null);
        JobKind kind = req.query("kind").map(v -> parse(JobKind.class, "kind", v)).orElse(null);
        Long shopId = req.queryId("shopId");
        Caller caller = req.caller();
        var page = req.page();
        if (!caller.isAdmin()) {
            if (shopId != null && !shopId.equals(caller.shopId())) {
                return Views.PageView.of(Page.<SyncJob>of(List.of(), page, 0), JobView::of);
            }
            shopId = caller.shopId();
        }
        return Views.PageView.of(queue.listJobs(new SyncJobQuery(trackingId, status, kind, shopId), page),
                JobView::of);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String raw) {
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(SyncResource::lower).collect(Collectors.joining(", ")));
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
