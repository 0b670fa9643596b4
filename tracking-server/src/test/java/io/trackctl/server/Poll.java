package io.trackctl.server;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for asynchronous work by polling with a deadline (never a fixed sleep). */
public final class Poll {

    private Poll() {
    }

    /** Polls {@code probe} until {@code done} accepts its value; fails with the last value at the deadline. */
    public static <T> T until(Duration timeout, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + timeout + "; last value: " + last);
            }
            LockSupport.parkNanos(Duration.ofMillis(25).toNanos());
            last = probe.get();
        }
        return last;
    }
}
