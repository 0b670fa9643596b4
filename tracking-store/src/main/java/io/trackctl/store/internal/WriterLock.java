package io.trackctl.store.internal;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * SQLite's single writer, taken in this process before SQLite is asked: threads queue here and
 * are handed the writer at once, where in SQLite's busy handler they would sleep up to 100 ms
 * between tries. Other processes still meet the busy timeout.
 *
 * <p>Priority writes (webhook intake, whose callers hold an HTTP answer open, and the short
 * checkpoint step that restarts the write-ahead log) go first. While
 * any is announced ({@link #announce}, until {@link #withdraw}), other writers hold back, each
 * for at most {@code maxYield} per turn. A writer that has held back that long is overdue: it goes
 * ahead of the next priority write, and then a waiting priority write has the turn after it, so
 * overdue and priority writers alternate. A burst of pushes is stored at the pace of the writer,
 * the apply workers catch up once it is over, and no writer waits for ever. Reentrant.
 */
final class WriterLock {

    private final ReentrantLock guard = new ReentrantLock();
    private final Condition changed = guard.newCondition();
    private final long maxYieldNanos;
    /** Guarded by {@link #guard}. */
    private Thread owner;
    private int holds;
    /** Priority writes announced and not yet withdrawn. */
    private int announced;
    /** Other writers that held back for {@code maxYield} and now go before priority writes. */
    private int overdue;
    /** Priority writers waiting for the writer. */
    private int priorityWaiting;
    /** An overdue writer had the last turn, so a waiting priority write has the next one. */
    private boolean priorityTurn;

    WriterLock(Duration maxYield) {
        if (maxYield.isNegative()) {
            throw new IllegalArgumentException("maxYield must not be negative");
        }
        this.maxYieldNanos = maxYield.toNanos();
    }

    /** A priority write is on its way: other writers hold back until it is {@linkplain #withdraw withdrawn}. */
    void announce() {
        guard.lock();
        try {
            announced++;
        } finally {
            guard.unlock();
        }
    }

    /** The priority write announced earlier is done (written or failed). */
    void withdraw() {
        guard.lock();
        try {
            if (announced <= 0) {
                throw new IllegalStateException("withdraw without announce");
            }
            if (--announced == 0) {
                changed.signalAll();
            }
        } finally {
            guard.unlock();
        }
    }

    /** Takes the writer, waiting as long as it takes. Not interruptible; an interrupt is kept. */
    void lock(boolean priority) {
        Thread me = Thread.currentThread();
        boolean interrupted = false;
        guard.lock();
        try {
            if (owner == me) {
                holds++;
                return;
            }
            if (priority) {
                priorityWaiting++;
                try {
                    while (owner != null || (overdue > 0 && !priorityTurn)) {
                        changed.awaitUninterruptibly();
                    }
                } finally {
                    priorityWaiting--;
                }
                priorityTurn = false;
            } else {
                interrupted = awaitTurn();
            }
            owner = me;
            holds = 1;
        } finally {
            guard.unlock();
            if (interrupted) {
                me.interrupt();
            }
        }
    }

    /**
     * Waits while the writer is held, or while priority writes are announced and this writer may
     * still yield. Once overdue it goes before priority writes, but not twice in a row while one
     * waits: overdue and priority writers alternate, so neither side can shut the other out.
     */
    private boolean awaitTurn() {
        boolean interrupted = false;
        boolean late = false;
        long deadline = System.nanoTime() + maxYieldNanos;
        try {
            while (owner != null || (late ? priorityTurn && priorityWaiting > 0 : announced > 0)) {
                long left = deadline - System.nanoTime();
                if (!late && left <= 0) {
                    late = true;
                    overdue++;
                    continue;
                }
                try {
                    if (late) {
                        changed.await();
                    } else {
                        changed.awaitNanos(left);
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (late) {
                priorityTurn = true;
            }
        } finally {
            if (late) {
                overdue--;
                changed.signalAll();
            }
        }
        return interrupted;
    }

    void unlock() {
        guard.lock();
        try {
            if (owner != Thread.currentThread()) {
                throw new IllegalMonitorStateException("the writer is not held by this thread");
            }
            if (--holds == 0) {
                owner = null;
                changed.signalAll();
            }
        } finally {
            guard.unlock();
        }
    }

    /** For tests: whether some thread holds the writer. */
    boolean isHeld() {
        guard.lock();
        try {
            return owner != null;
        } finally {
            guard.unlock();
        }
    }

    /** For tests: priority writes announced and not yet withdrawn. */
    int announced() {
        guard.lock();
        try {
            return announced;
        } finally {
            guard.unlock();
        }
    }

    /** For tests: writers that held back for {@code maxYield} and now go first. */
    int overdue() {
        guard.lock();
        try {
            return overdue;
        } finally {
            guard.unlock();
        }
    }

    /** For tests: writers of either kind waiting for their turn. */
    int queued() {
        guard.lock();
        try {
            return guard.getWaitQueueLength(changed);
        } finally {
            guard.unlock();
        }
    }
}
