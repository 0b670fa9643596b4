package io.trackctl.store;

import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.JobStatus;
import io.trackctl.core.model.JobTrigger;
import io.trackctl.core.model.NewJob;
import io.trackctl.core.model.NewTrackingNumber;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.QueueStats;
import io.trackctl.core.model.SyncJob;
import io.trackctl.core.model.SyncJobQuery;
import io.trackctl.core.port.JobQueue;
import io.trackctl.core.port.TrackingStore.Created;
import io.trackctl.store.internal.SqlJobQueue;
import io.trackctl.store.internal.SqlJobQueue.JobRef;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@link JobQueue} contract, run on the database queue and on the Redis Streams queue. */
public abstract class JobQueueContract extends StoreContractTest {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final List<JobKind> ALL = List.of(JobKind.values());

    private NewJob aJob(JobKind kind) {
        return new NewJob(kind, JobTrigger.MANUAL, null, null, 3, null);
    }

    /** The queue under test; the database queue unless a subclass says otherwise. */
    protected JobQueue queue() {
        return store.jobs();
    }

    @Test
    void aClaimedJobIsRunningUnderALeaseAndIsNotClaimedAgainWhileItRuns() {
        long id = queue().enqueue(List.of(aJob(JobKind.PULL))).getFirst();

        List<SyncJob> claimed = queue().claim(ALL, 10, "w1", LEASE, Duration.ZERO);
        List<SyncJob> again = queue().claim(ALL, 10, "w2", LEASE, Duration.ZERO);

        assertThat(claimed).hasSize(1);
        SyncJob job = claimed.getFirst();
        assertThat(job.id()).isEqualTo(id);
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.lockedBy()).isEqualTo("w1");
        assertThat(job.lockedUntil()).isEqualTo(clock.instant().plus(LEASE));
        assertThat(job.attempts()).isEqualTo(1);
        assertThat(again).isEmpty();
    }

    @Test
    void staleJobsAreThoseDueAndUntouchedOrWithALeaseThatRanOutOldestFirstOfEveryKind() {
        SqlJobQueue database = (SqlJobQueue) store.jobs();
        Instant start = clock.instant();
        List<Long> pending = new ArrayList<>();
        for (JobKind kind : List.of(JobKind.PULL, JobKind.PULL, JobKind.REGISTER, JobKind.APPLY_WEBHOOK)) {
            pending.add(database.enqueue(List.of(aJob(kind))).getFirst());
            clock.advance(Duration.ofSeconds(1));
        }
        long running = database.enqueue(List.of(aJob(JobKind.IMPORT))).getFirst();
        database.claim(List.of(JobKind.IMPORT), 1, "gone", Duration.ofSeconds(30), Duration.ZERO);
        clock.advance(Duration.ofSeconds(1));
        pending.add(database.enqueue(List.of(aJob(JobKind.IMPORT))).getFirst());
        long notDue = database.enqueue(List.of(new NewJob(JobKind.APPLY_WEBHOOK, JobTrigger.WEBHOOK, null, null, 3,
                clock.instant().plus(Duration.ofHours(1))))).getFirst();
        List<JobRef> fresh = database.staleRunnable(Duration.ofMinutes(1), 10);
        clock.advance(Duration.ofMinutes(2));
        // Due before all the others, but written a moment ago: not stale yet.
        long touched = database.enqueue(List.of(new NewJob(JobKind.PULL, JobTrigger.MANUAL, null, null, 3,
                start.minus(Duration.ofMinutes(5))))).getFirst();

        List<JobRef> stale = database.staleRunnable(Duration.ofMinutes(1), 10);
        List<JobRef> firstTwo = database.staleRunnable(Duration.ofMinutes(1), 2);

        assertThat(fresh).isEmpty();
        assertThat(stale).as("due and untouched for a minute, or with a lease that ran out, oldest first")
                .extracting(JobRef::id).containsExactly(pending.get(0), pending.get(1), pending.get(2),
                        pending.get(3), running, pending.get(4))
                .doesNotContain(notDue, touched);
        assertThat(stale).extracting(JobRef::kind).containsExactly(JobKind.PULL, JobKind.PULL, JobKind.REGISTER,
                JobKind.APPLY_WEBHOOK, JobKind.IMPORT, JobKind.IMPORT);
        assertThat(firstTwo).extracting(JobRef::id).containsExactly(pending.get(0), pending.get(1));
    }

    @Test
    void aClaimTakesOnlyTheAskedKindsUpToMaxAndNothingNotYetDue() {
        queue().enqueue(List.of(aJob(JobKind.PULL), aJob(JobKind.REGISTER), aJob(JobKind.PULL), aJob(JobKind.PULL),
                new NewJob(JobKind.PULL, JobTrigger.SCHEDULE, null, null, 3, clock.instant().plusSeconds(60))));

        List<SyncJob> two = queue().claim(List.of(JobKind.PULL), 2, "w", LEASE, Duration.ZERO);
        List<SyncJob> rest = queue().claim(List.of(JobKind.PULL), 10, "w", LEASE, Duration.ZERO);
        clock.advance(Duration.ofSeconds(61));
        List<SyncJob> due = queue().claim(List.of(JobKind.PULL), 10, "w", LEASE, Duration.ZERO);

        assertThat(two).hasSize(2).allMatch(j -> j.kind() == JobKind.PULL);
        assertThat(rest).hasSize(1);
        assertThat(due).hasSize(1).allMatch(j -> j.trigger() == JobTrigger.SCHEDULE);
        assertThat(queue().claim(List.of(JobKind.REGISTER), 10, "w", LEASE, Duration.ZERO)).hasSize(1);
    }

    @Test
    void aClaimOverSeveralKindsTakesTheOldestDueJobsWhateverTheirKind() {
        List<Long> byAge = enqueueMixedKindsOldestFirst();

        List<SyncJob> first = claimMixedKinds(4);
        List<SyncJob> rest = claimMixedKinds(10);

        assertThat(first).extracting(SyncJob::id).containsExactlyElementsOf(byAge.subList(0, 4));
        assertThat(rest).extracting(SyncJob::id).containsExactlyElementsOf(byAge.subList(4, 7));
    }

    /** Seven due jobs of three kinds, interleaved by age, and one of a kind nobody asks for. */
    protected List<Long> enqueueMixedKindsOldestFirst() {
        List<JobKind> kinds = List.of(JobKind.PULL, JobKind.REGISTER, JobKind.IMPORT, JobKind.PULL,
                JobKind.IMPORT, JobKind.REGISTER, JobKind.PULL);
        List<Long> byAge = new ArrayList<>();
        for (JobKind kind : kinds) {
            byAge.addAll(queue().enqueue(List.of(new NewJob(kind, JobTrigger.MANUAL, null, null, 3,
                    clock.instant().minusSeconds(100 - byAge.size())))));
        }
        queue().enqueue(List.of(aJob(JobKind.APPLY_WEBHOOK)));
        return byAge;
    }

    protected List<SyncJob> claimMixedKinds(int max) {
        return queue().claim(List.of(JobKind.IMPORT, JobKind.PULL, JobKind.REGISTER), max, "w", LEASE, Duration.ZERO);
    }

    @Test
    void aJobWhoseLeaseExpiredIsTakenBack() {
        long id = queue().enqueue(List.of(aJob(JobKind.APPLY_WEBHOOK))).getFirst();
        queue().claim(ALL, 1, "dead-worker", LEASE, Duration.ZERO);
        clock.advance(LEASE.plusSeconds(1));

        List<SyncJob> taken = queue().claim(ALL, 1, "w2", LEASE, Duration.ZERO);

        assertThat(taken).extracting(SyncJob::id).containsExactly(id);
        assertThat(taken.getFirst().lockedBy()).isEqualTo("w2");
        assertThat(taken.getFirst().attempts()).isEqualTo(2);
    }

    @Test
    void aWorkerWhoseLeaseRanOutCannotOverwriteTheResultOfTheWorkerThatTookTheJobOver() {
        long id = queue().enqueue(List.of(aJob(JobKind.IMPORT))).getFirst();
        SyncJob first = queue().claim(ALL, 1, "slow", LEASE, Duration.ZERO).getFirst();
        clock.advance(LEASE.plusSeconds(1));
        SyncJob second = queue().claim(ALL, 1, "fresh", LEASE, Duration.ZERO).getFirst();

        assertThat(queue().extendLease(first, LEASE)).isFalse();
        assertThat(queue().failed(first, "stale result")).isFalse();
        assertThat(queue().succeeded(first)).isFalse();
        assertThat(queue().findJob(id).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
        assertThat(queue().extendLease(second, LEASE)).isTrue();
        assertThat(queue().succeeded(second)).isTrue();
        assertThat(queue().findJob(id).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(queue().retryAt(second, clock.instant(), "late")).isFalse();
    }

    @Test
    void successesRecordedTogetherFinishTheJobsStillHeldAndReturnTheOnesWhoseClaimWasLost() {
        queue().enqueue(List.of(aJob(JobKind.APPLY_WEBHOOK), aJob(JobKind.APPLY_WEBHOOK)));
        SyncJob stale = queue().claim(ALL, 1, "slow", LEASE, Duration.ZERO).getFirst();
        clock.advance(LEASE.plusSeconds(1));
        List<SyncJob> held = queue().claim(ALL, 2, "fresh", LEASE, Duration.ZERO);
        assertThat(held).hasSize(2);

        assertThat(queue().succeededAll(List.of(stale))).containsExactly(stale);
        assertThat(queue().succeededAll(held)).isEmpty();

        for (SyncJob j : held) {
            assertThat(queue().findJob(j.id()).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
        }
        assertThat(queue().claim(ALL, 5, "next", LEASE, Duration.ZERO)).isEmpty();
    }

    @Test
    void anExtendedLeaseKeepsTheJobFromBeingClaimedAgain() {
        queue().enqueue(List.of(aJob(JobKind.IMPORT)));
        SyncJob held = queue().claim(ALL, 1, "long", LEASE, Duration.ZERO).getFirst();
        clock.advance(LEASE.minusSeconds(1));

        assertThat(queue().extendLease(held, LEASE)).isTrue();
        clock.advance(Duration.ofSeconds(2));

        assertThat(queue().claim(ALL, 1, "other", LEASE, Duration.ZERO)).isEmpty();
    }

    @Test
    void aRetriedJobWaitsUntilItsTimeAndKeepsItsError() {
        long id = queue().enqueue(List.of(aJob(JobKind.PULL))).getFirst();
        SyncJob claimed = queue().claim(ALL, 1, "w", LEASE, Duration.ZERO).getFirst();

        queue().retryAt(claimed, clock.instant().plusSeconds(30), "HTTP 503");

        SyncJob pending = queue().findJob(id).orElseThrow();
        assertThat(pending.status()).isEqualTo(JobStatus.PENDING);
        assertThat(pending.lastError()).isEqualTo("HTTP 503");
        assertThat(pending.lockedBy()).isNull();
        assertThat(queue().claim(ALL, 1, "w", LEASE, Duration.ZERO)).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(queue().claim(ALL, 1, "w", LEASE, Duration.ZERO)).extracting(SyncJob::attempts)
                .containsExactly(2);
    }

    @Test
    void succeededAndFailedJobsAreFinishedAndOnlyFailedOnesCanBeRequeued() {
        List<Long> ids = queue().enqueue(List.of(aJob(JobKind.PULL), aJob(JobKind.PULL)));
        List<SyncJob> claimed = queue().claim(ALL, 2, "w", LEASE, Duration.ZERO);

        queue().succeeded(claimed.stream().filter(j -> j.id() == ids.get(0)).findFirst().orElseThrow());
        queue().failed(claimed.stream().filter(j -> j.id() == ids.get(1)).findFirst().orElseThrow(), "invalid number");

        SyncJob ok = queue().findJob(ids.get(0)).orElseThrow();
        SyncJob bad = queue().findJob(ids.get(1)).orElseThrow();
        assertThat(ok.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(ok.finishedAt()).isNotNull();
        assertThat(bad.status()).isEqualTo(JobStatus.FAILED);
        assertThat(bad.lastError()).isEqualTo("invalid number");
        assertThat(queue().queueStats()).isEqualTo(new QueueStats(0, 0, 1, Duration.ZERO));

        assertThat(queue().requeue(ids)).isEqualTo(1);

        SyncJob requeued = queue().findJob(ids.get(1)).orElseThrow();
        assertThat(requeued.status()).isEqualTo(JobStatus.PENDING);
        assertThat(requeued.attempts()).isZero();
        assertThat(queue().claim(ALL, 5, "w", LEASE, Duration.ZERO)).extracting(SyncJob::id)
                .containsExactly(ids.get(1));
    }

    @Test
    void aWaitingClaimIsWokenByAnEnqueueAtOnce() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch started = new CountDownLatch(1);
            Future<List<SyncJob>> waiting = pool.submit(() -> {
                started.countDown();
                return queue().claim(ALL, 1, "w", LEASE, Duration.ofSeconds(20));
            });
            started.await();
            long begin = System.nanoTime();
            long id = queue().enqueue(List.of(aJob(JobKind.IMPORT))).getFirst();

            List<SyncJob> got = waiting.get(10, TimeUnit.SECONDS);

            assertThat(got).extracting(SyncJob::id).containsExactly(id);
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClaimWithNothingToDoReturnsEmptyAfterAboutItsWait() {
        long begin = System.nanoTime();

        List<SyncJob> got = queue().claim(ALL, 1, "w", LEASE, Duration.ofMillis(400));

        Duration waited = Duration.ofNanos(System.nanoTime() - begin);
        assertThat(got).isEmpty();
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(400)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void twoConcurrentClaimersNeverGetTheSameJob() throws Exception {
        int n = 60;
        List<NewJob> jobs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Every kind, so that a claim over all of them takes rows from several of its ranges at once.
            jobs.add(aJob(JobKind.values()[i % JobKind.values().length]));
        }
        queue().enqueue(jobs);
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Void>> workers = new ArrayList<>();
            for (String worker : List.of("a", "b")) {
                workers.add(CompletableFuture.runAsync(() -> {
                    while (true) {
                        List<SyncJob> got = queue().claim(ALL, 3, worker, LEASE, Duration.ZERO);
                        if (got.isEmpty()) {
                            return;
                        }
                        got.forEach(j -> seen.add(j.id()));
                    }
                }, pool));
            }
            CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        Set<Long> distinct = new HashSet<>(seen);
        assertThat(seen).hasSize(n);
        assertThat(distinct).hasSize(n);
    }

    @Test
    void listingFiltersByStatusKindNumberAndShopWithStats() {
        long shop = aShop().id();
        long other = aShop().id();
        long t1 = ((Created) store.tracking().createTracking(new NewTrackingNumber(shop, null, null, "JOB000001",
                null, null, "api", null, null))).tracking().id();
        long t2 = ((Created) store.tracking().createTracking(new NewTrackingNumber(other, null, null, "JOB000002",
                null, null, "api", null, null))).tracking().id();
        List<Long> ids = queue().enqueue(List.of(
                new NewJob(JobKind.REGISTER, JobTrigger.API, t1, null, 3, null),
                new NewJob(JobKind.PULL, JobTrigger.SCHEDULE, t1, null, 3, null),
                new NewJob(JobKind.PULL, JobTrigger.SCHEDULE, t2, null, 3, null)));
        clock.advance(Duration.ofSeconds(90));
        queue().claim(List.of(JobKind.REGISTER), 1, "w", LEASE, Duration.ZERO);

        assertThat(list(new SyncJobQuery(null, null, null, shop))).containsExactly(ids.get(1), ids.get(0));
        assertThat(list(new SyncJobQuery(null, JobStatus.RUNNING, null, null))).containsExactly(ids.get(0));
        assertThat(list(new SyncJobQuery(null, null, JobKind.PULL, null))).containsExactly(ids.get(2), ids.get(1));
        assertThat(list(new SyncJobQuery(t2, null, null, null))).containsExactly(ids.get(2));
        assertThat(queue().listJobs(new SyncJobQuery(null, null, null, null), PageRequest.of(2, 2)).total())
                .isEqualTo(3);
        QueueStats stats = queue().queueStats();
        assertThat(stats.pending()).isEqualTo(2);
        assertThat(stats.running()).isEqualTo(1);
        assertThat(stats.oldestPendingAge()).isEqualTo(Duration.ofSeconds(90));
    }

    private List<Long> list(SyncJobQuery q) {
        return queue().listJobs(q, PageRequest.FIRST).items().stream().map(SyncJob::id).toList();
    }
}
