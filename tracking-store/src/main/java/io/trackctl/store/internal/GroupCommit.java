package io.trackctl.store.internal;

import io.trackctl.core.retry.TransientFailureException;
import io.trackctl.store.StoreException;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Group commit for small, independent write units that many threads submit at once (one webhook
 * delivery each): the units waiting when a transaction starts run together in it, so one commit
 * (and, on SQLite, one turn of the single writer) serves many callers. Each caller returns only
 * after the transaction holding its unit committed, so what it answers is as durable as with a
 * transaction of its own.
 *
 * <p>One platform thread of its own writes: it runs up to {@code maxBatch} waiting units per
 * transaction, oldest first, as long as callers wait, and ends after {@link #IDLE} without any
 * (the next caller starts it again). Callers park until their unit is done. The writer is not a
 * caller's virtual thread, for two reasons measured under load: SQLite's native calls pin a virtual
 * thread to its carrier, so a leading caller held one of the two carriers of a 2-core machine for
 * each whole batch; and handing the lead to the next caller waited for a free carrier between
 * batches, while the writer stood idle.
 * If a batch fails, its units are run again one transaction each, so a unit that cannot be written
 * fails alone, and a deadlock with another instance's batch (PostgreSQL aborts one of the two)
 * costs one retry instead of failing every unit; another transient failure (database busy or down)
 * fails the whole batch at once, since each unit would meet it too.
 *
 * <p>Its units are webhook intake: from {@link #submit} until its unit is done (committed or
 * failed, before its caller is woken), the unit is announced to the SQLite writer
 * ({@link Db#announceIntake}), so other writes of this process hold back for the batch instead of
 * taking turns with it; after a burst's batch, the writer thread keeps intake announced until the
 * next caller queues, for at most {@link #LINGER} ({@link #lingerForNextBatch}).
 */
final class GroupCommit {

    /** How long the writer thread waits for a caller before it ends (the next caller starts another). */
    static final Duration IDLE = Duration.ofSeconds(1);
    /**
     * A batch and the one before it holding this many units together say that pushes arrive faster
     * than the writer commits them one or two at a time: a burst, after which the writer thread
     * lingers ({@link #lingerForNextBatch}). Under a trickle of single pushes it does not. Under
     * load, small batches come between large ones (in a measured round a third of the batches held
     * fewer than 8 units, and a batch held 20 on average), so one batch's size alone would leave
     * the gaps after those open.
     */
    static final int BURST_BATCH = 8;
    /** How long intake stays announced after a burst's batch while the next callers are on their way. */
    static final Duration LINGER = Duration.ofMillis(2);
    private static final System.Logger LOG = System.getLogger(GroupCommit.class.getName());

    private final Db db;
    private final int maxBatch;
    private final String threadName;
    private final long lingerNanos;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a caller arrives while the writer thread waits. */
    private final Condition arrived = lock.newCondition();
    /** Callers whose units have not started, oldest first. Guarded by {@link #lock}. */
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    /** True while the writer thread runs (or is being started). Guarded by {@link #lock}. */
    private boolean running;

    GroupCommit(Db db, int maxBatch, String threadName) {
        this(db, maxBatch, threadName, LINGER);
    }

    /** @param linger how long intake stays announced after a burst's batch ({@link #lingerForNextBatch}) */
    GroupCommit(Db db, int maxBatch, String threadName, Duration linger) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.db = db;
        this.maxBatch = maxBatch;
        this.threadName = threadName;
        this.lingerNanos = linger.toNanos();
    }

    /**
     * Runs {@code unit} in a transaction shared with other callers and returns its result once that
     * transaction committed. The unit must not catch database errors and go on: on PostgreSQL a
     * failed statement spoils the whole transaction.
     */
    <T> T submit(Function<Db.Exec, T> unit) {
        Waiter me = new Waiter(unit, Thread.currentThread(), db);
        boolean start;
        lock.lock();
        try {
            waiting.addLast(me);
            start = !running;
            running = true;
            if (!start) {
                arrived.signal();
            }
        } finally {
            lock.unlock();
        }
        if (start) {
            startWriter();
        }
        me.awaitDone();
        @SuppressWarnings("unchecked")
        T result = (T) me.outcome();
        return result;
    }

    /** Callers whose units have not started yet. */
    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** Starts the writer thread; {@link #running} is already set. */
    private void startWriter() {
        try {
            Thread.ofPlatform().name(threadName).daemon(true).inheritInheritableThreadLocals(false)
                    .start(this::writeLoop);
        } catch (Throwable e) {
            // No thread, so no one would ever answer the callers queued so far: they learn it now,
            // as a failure worth trying again (a webhook is answered 503 and sent again).
            List<Waiter> stranded;
            lock.lock();
            try {
                running = false;
                stranded = new ArrayList<>(waiting);
                waiting.clear();
            } finally {
                lock.unlock();
            }
            failUnfinished(stranded, new TransientFailureException("cannot start the " + threadName + " thread: " + e, e));
        }
    }

    /**
     * The writer thread: runs batches while callers wait, and ends after {@link #IDLE} without any.
     * Whatever a batch throws, its callers are answered and the thread goes on; should the thread
     * itself end any other way, it hands over to a new one so that no caller stays parked.
     */
    private void writeLoop() {
        List<Waiter> batch = new ArrayList<>(maxBatch);
        boolean idle = false;
        int lastBatch = 0;
        try {
            while (true) {
                lock.lock();
                try {
                    long left = IDLE.toNanos();
                    while (waiting.isEmpty()) {
                        if (left <= 0) {
                            running = false;
                            idle = true;
                            return;
                        }
                        try {
                            left = arrived.awaitNanos(left);
                        } catch (InterruptedException e) {
                            // Nothing interrupts this thread on purpose; it keeps serving the callers.
                        }
                    }
                    while (batch.size() < maxBatch && !waiting.isEmpty()) {
                        batch.add(waiting.pollFirst());
                    }
                } finally {
                    lock.unlock();
                }
                boolean burst = batch.size() + lastBatch >= BURST_BATCH;
                if (burst) {
                    // Held from before this batch's callers withdraw theirs until the next caller
                    // is queued or LINGER has passed (lingerForNextBatch).
                    db.announceIntake();
                }
                try {
                    try {
                        run(batch);
                    } catch (Throwable e) {
                        failUnfinished(batch, new StoreException("database write failed: " + e, e));
                        LOG.log(System.Logger.Level.ERROR, "a group commit failed: " + e, e);
                    }
                    lastBatch = batch.size();
                    batch.clear();
                    if (burst) {
                        lingerForNextBatch();
                    }
                } finally {
                    if (burst) {
                        db.withdrawIntake();
                    }
                }
            }
        } finally {
            if (!idle) {
                failUnfinished(batch, new StoreException("the " + threadName + " thread ended"));
                startWriter();
            }
        }
    }

    /**
     * After a burst's batch, waits until the next caller arrives or {@code linger} has passed, with
     * intake still announced: the writer thread announced it before the batch's callers withdrew
     * theirs, and withdraws it after this wait. A caller announces itself before it queues, so
     * intake stays announced from one batch of a burst to the next.
     *
     * <p>Without it, the gap between two batches (the callers just answered send their next pushes
     * a millisecond or so later) announced nothing, and under load the apply workers took the
     * writer in those gaps hundreds of times a second, so that the next batch waited behind them;
     * ingest with no apply workers at all was a quarter faster. With the gaps covered, other writers
     * hold back through a burst as {@link WriterLock} intends, at most its yield per turn, and catch
     * up once the burst is over.
     */
    private void lingerForNextBatch() {
        lock.lock();
        try {
            long left = lingerNanos;
            while (waiting.isEmpty() && left > 0) {
                try {
                    left = arrived.awaitNanos(left);
                } catch (InterruptedException e) {
                    // Nothing interrupts this thread on purpose; it keeps serving the callers.
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void run(List<Waiter> batch) {
        List<Object> results;
        try {
            results = db.intakeBatch(x -> {
                List<Object> out = new ArrayList<>(batch.size());
                for (Waiter w : batch) {
                    out.add(w.unit.apply(x));
                }
                return out;
            });
        } catch (RuntimeException e) {
            if (batch.size() == 1 || (e instanceof TransientFailureException && !db.isConflict(e))) {
                batch.forEach(w -> w.fail(e));
            } else {
                runEachAlone(batch);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).succeed(results.get(i));
        }
    }

    /** Each unit in a transaction of its own, after the batch failed (a bad unit, or a deadlock with another instance). */
    private void runEachAlone(List<Waiter> batch) {
        for (Waiter w : batch) {
            try {
                w.succeed(db.intakeBatch(w.unit));
            } catch (RuntimeException e) {
                w.fail(e);
            }
        }
    }

    /** No caller may stay parked: those not answered yet learn that the write failed. */
    private static void failUnfinished(List<Waiter> batch, RuntimeException failure) {
        for (Waiter w : batch) {
            if (!w.finished()) {
                w.fail(failure);
            }
        }
    }

    /** A caller parked until the writer thread ran its unit and the transaction ended. */
    private static final class Waiter {

        final Function<Db.Exec, ?> unit;
        final Thread thread;
        private final Db db;
        private volatile boolean done;
        private Object result;
        private RuntimeException failure;

        /** Announces the unit to the SQLite writer until it is done ({@link Db#announceIntake}). */
        Waiter(Function<Db.Exec, ?> unit, Thread thread, Db db) {
            this.unit = unit;
            this.thread = thread;
            this.db = db;
            db.announceIntake();
        }

        /**
         * Parks until done. Not interruptible: the unit may already be in a transaction, so the
         * caller has to learn how it ended; an interrupt is kept for the caller to see.
         */
        void awaitDone() {
            boolean interrupted = false;
            while (!done) {
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
            if (interrupted) {
                thread.interrupt();
            }
        }

        boolean finished() {
            return done;
        }

        void succeed(Object value) {
            result = value;
            finish();
        }

        void fail(RuntimeException e) {
            failure = e;
            finish();
        }

        /** Called once, by the writer thread (or the caller that failed to start it). */
        private void finish() {
            db.withdrawIntake();
            done = true;
            LockSupport.unpark(thread);
        }

        Object outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
