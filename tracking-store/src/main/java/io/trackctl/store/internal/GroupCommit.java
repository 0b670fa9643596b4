package io.trackctl.store.internal;

import io.trackctl.core.retry.TransientFailureException;
import io.trackctl.store.StoreException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
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
 * <p>No extra thread: the first caller to arrive leads, running up to {@code maxBatch} waiting
 * units (its own first); when it is done it hands the lead to the oldest caller still waiting.
 * If a batch fails, its units are run again one transaction each, so a unit that cannot be written
 * fails alone, and a deadlock with another instance's batch (PostgreSQL aborts one of the two)
 * costs one retry instead of failing every unit; another transient failure (database busy or down)
 * fails the whole batch at once, since each unit would meet it too.
 *
 * <p>Its units are webhook intake: from {@link #submit} until its unit is done, a caller is
 * announced to the SQLite writer ({@link Db#announceIntake}), so other writes of this process hold
 * back for the batch instead of taking turns with it.
 */
final class GroupCommit {

    private final Db db;
    private final int maxBatch;
    private final ReentrantLock lock = new ReentrantLock();
    /** Callers whose units have not started, oldest first. Guarded by {@link #lock}. */
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    /** True while some caller leads (runs a batch or is being handed the lead). Guarded by {@link #lock}. */
    private boolean led;

    GroupCommit(Db db, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.db = db;
        this.maxBatch = maxBatch;
    }

    /**
     * Runs {@code unit} in a transaction shared with other callers and returns its result once that
     * transaction committed. The unit must not catch database errors and go on: on PostgreSQL a
     * failed statement spoils the whole transaction.
     */
    <T> T submit(Function<Db.Exec, T> unit) {
        db.announceIntake();
        try {
            return runInGroup(unit);
        } finally {
            db.withdrawIntake();
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T runInGroup(Function<Db.Exec, T> unit) {
        Waiter me = new Waiter(unit, Thread.currentThread());
        boolean lead;
        lock.lock();
        try {
            waiting.addLast(me);
            lead = !led;
            led = true;
        } finally {
            lock.unlock();
        }
        if (lead || me.awaitTurn() == Waiter.LEAD) {
            // An interrupt kept for this caller must not fail the connection set-up of a batch
            // that carries other callers' units; it is restored once the batch is done.
            boolean interrupted = Thread.interrupted();
            try {
                lead();
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return (T) me.outcome();
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

    /** Runs one batch, which starts with this caller's own unit, then hands the lead on. */
    private void lead() {
        List<Waiter> batch = new ArrayList<>();
        lock.lock();
        try {
            while (batch.size() < maxBatch && !waiting.isEmpty()) {
                batch.add(waiting.pollFirst());
            }
        } finally {
            lock.unlock();
        }
        try {
            run(batch);
        } finally {
            handOver();
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
        } catch (Error e) {
            failUnfinished(batch, e);
            throw e;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).succeed(results.get(i));
        }
    }

    /** Each unit in a transaction of its own, after the batch failed (a bad unit, or a deadlock with another instance). */
    private void runEachAlone(List<Waiter> batch) {
        try {
            for (Waiter w : batch) {
                try {
                    w.succeed(db.intakeBatch(w.unit));
                } catch (RuntimeException e) {
                    w.fail(e);
                }
            }
        } catch (Error e) {
            failUnfinished(batch, e);
            throw e;
        }
    }

    /** No caller may stay parked: those not answered yet learn that the write failed. */
    private static void failUnfinished(List<Waiter> batch, Error e) {
        StoreException failure = new StoreException("database write failed: " + e, e);
        for (Waiter w : batch) {
            if (!w.finished()) {
                w.fail(failure);
            }
        }
    }

    private void handOver() {
        Waiter next;
        lock.lock();
        try {
            next = waiting.peekFirst();
            led = next != null;
        } finally {
            lock.unlock();
        }
        if (next != null) {
            next.lead();
        }
    }

    /** A caller parked until its unit committed (DONE) or it was handed the lead (LEAD). */
    private static final class Waiter {

        static final int WAITING = 0;
        static final int LEAD = 1;
        static final int DONE = 2;

        final Function<Db.Exec, ?> unit;
        final Thread thread;
        private volatile int state = WAITING;
        private Object result;
        private RuntimeException failure;

        Waiter(Function<Db.Exec, ?> unit, Thread thread) {
            this.unit = unit;
            this.thread = thread;
        }

        /**
         * Parks until DONE or LEAD. Not interruptible: the unit may already be in a transaction, so
         * the caller has to learn how it ended; an interrupt is kept for the caller to see.
         */
        int awaitTurn() {
            boolean interrupted = false;
            int s;
            while ((s = state) == WAITING) {
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
            if (interrupted) {
                thread.interrupt();
            }
            return s;
        }

        void lead() {
            state = LEAD;
            LockSupport.unpark(thread);
        }

        boolean finished() {
            return state == DONE;
        }

        void succeed(Object value) {
            result = value;
            finish();
        }

        void fail(RuntimeException e) {
            failure = e;
            finish();
        }

        private void finish() {
            state = DONE;
            if (thread != Thread.currentThread()) {
                LockSupport.unpark(thread);
            }
        }

        Object outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
