package io.trackctl.cli;

import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.JobStatus;
import io.trackctl.core.model.JobTrigger;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.SyncJob;
import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.port.JobQueue;
import io.trackctl.core.sync.NotConfiguredException;
import io.trackctl.core.sync.SyncService;
import io.trackctl.server.ServerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trackctl sync}: registers numbers with 17TRACK and pulls their current state now, in this
 * process, through the same jobs and handlers the server's workers run, then shows what changed.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Register and pull tracking numbers from 17TRACK now and show what changed.",
                "Needs a 17TRACK API key (--17track-key or TRACKCTL_17TRACK_KEY); without one it ends with"
                        + " exit code 3."})
public final class SyncCommand extends DataCommand {

    private static final Duration LEASE = Duration.ofMinutes(2);

    @Parameters(paramLabel = "ID|NUMBER", arity = "0..*", description = "Tracking ids or tracking numbers.")
    List<String> refs = new ArrayList<>();

    @Option(names = "--stale", description = "Also every number not synced for a while (as the scheduler picks them).")
    boolean stale;

    @Option(names = "--force", description = "Pull even numbers synced moments ago.")
    boolean force;

    @Option(names = "--17track-key", paramLabel = "KEY", description = "17TRACK API key (env TRACKCTL_17TRACK_KEY).")
    String seventeenTrackKey;

    @Option(names = "--17track-url", paramLabel = "URL", description = "17TRACK API base URL (env TRACKCTL_17TRACK_URL).")
    String seventeenTrackUrl;

    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "PT2M",
            description = "How long to wait for 17TRACK at most (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration wait;

    /** A number before the sync. */
    private record Before(TrackingNumber tracking, long events) {
    }

    @Override
    public Integer call() {
        ServerSettings settings = data.settings(null, null, seventeenTrackKey, seventeenTrackUrl, null);
        if (refs.isEmpty() && !stale) {
            throw new IllegalArgumentException("name tracking ids or numbers, or give --stale");
        }
        try (Workspace ws = open(settings)) {
            SyncService sync = ws.engine().sync();
            if (!sync.configured()) {
                throw new NotConfiguredException("17TRACK is not configured: set an API key (--17track-key or "
                        + "TRACKCTL_17TRACK_KEY) to register and pull tracking numbers");
            }
            Map<Long, Before> before = new LinkedHashMap<>();
            for (Long id : ids(ws, sync)) {
                ws.backend().tracking().findTracking(id).ifPresent(t -> before.put(id, new Before(t, events(ws, id))));
            }
            SyncService.Triggered triggered = sync.trigger(null, List.copyOf(before.keySet()), force, JobTrigger.MANUAL);
            Map<Long, SyncJob> jobs = drive(ws, new HashSet<>(triggered.jobByTrackingId().values()));
            List<Map<String, Object>> rows = new ArrayList<>();
            boolean failed = false;
            for (Before b : before.values()) {
                long id = b.tracking().id();
                TrackingNumber after = ws.backend().tracking().findTracking(id).orElse(b.tracking());
                Long jobId = triggered.jobByTrackingId().get(id);
                String result = triggered.skippedFresh().contains(id) ? "skipped: synced recently (--force pulls)"
                        : result(jobId == null ? null : jobs.get(jobId));
                failed |= result.startsWith("failed");
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", id);
                m.put("trackingNumber", after.number());
                m.put("before", Records.status(b.tracking()));
                m.put("after", Records.status(after));
                m.put("eventsAdded", events(ws, id) - b.events());
                m.put("result", result);
                rows.add(m);
            }
            printer().list(rows, List.of("id", "trackingNumber", "before", "after", "eventsAdded", "result"));
            return failed ? ExitCodes.FAILURE : ExitCodes.OK;
        }
    }

    private Set<Long> ids(Workspace ws, SyncService sync) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String ref : refs) {
            List<TrackingNumber> found = TrackingRefs.find(ws.backend().tracking(), ref);
            if (found.isEmpty()) {
                throw new CliException(ExitCodes.NOT_FOUND, "no tracking number with id or number '" + ref + "'", null);
            }
            found.forEach(t -> ids.add(t.id()));
        }
        if (stale) {
            Instant before = ws.clock().instant().minus(sync.settings().staleAfter());
            int budget = Math.max(1, sync.settings().budgetPerRun());
            ws.backend().tracking().dueForSync(before, budget).forEach(t -> ids.add(t.id()));
        }
        return ids;
    }

    /** Runs queued REGISTER and PULL jobs here until the wanted ones are done, retrying later, or time is up. */
    private Map<Long, SyncJob> drive(Workspace ws, Set<Long> wanted) {
        JobQueue queue = ws.engine().queue();
        Instant deadline = Instant.now().plus(wait);
        Map<Long, SyncJob> done = new LinkedHashMap<>();
        while (done.size() < wanted.size() && Instant.now().isBefore(deadline)) {
            List<SyncJob> claimed = queue.claim(List.of(JobKind.REGISTER, JobKind.PULL), SyncService.BATCH,
                    ws.engine().instanceId(), LEASE, Duration.ofMillis(200));
            if (!claimed.isEmpty()) {
                ws.engine().runner().runAll(claimed);
            }
            for (Long id : wanted) {
                queue.findJob(id).filter(SyncCommand::settled).ifPresent(j -> done.put(id, j));
            }
        }
        for (Long id : wanted) {
            done.computeIfAbsent(id, k -> queue.findJob(k).orElse(null));
        }
        return done;
    }

    private static boolean settled(SyncJob j) {
        return j.status() == JobStatus.SUCCEEDED || j.status() == JobStatus.FAILED
                || (j.status() == JobStatus.PENDING && j.attempts() > 0);
    }

    private static String result(SyncJob job) {
        if (job == null) {
            return "not queued";
        }
        return switch (job.status()) {
            case SUCCEEDED -> "synced";
            case FAILED -> "failed: " + Optional.ofNullable(job.lastError()).orElse("unknown error");
            case PENDING -> job.attempts() > 0 ? "failed, retrying at " + job.nextAttemptAt() + ": " + job.lastError()
                    : "still queued (the server's workers will run it)";
            case RUNNING -> "still running";
        };
    }

    private static long events(Workspace ws, long trackingId) {
        return ws.backend().events().listEvents(trackingId, PageRequest.of(1, 1)).total();
    }
}
