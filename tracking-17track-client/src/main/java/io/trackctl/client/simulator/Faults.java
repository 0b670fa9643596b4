package io.trackctl.client.simulator;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Misbehaviour a test can switch on. Counted faults hit the next n API requests, in this order of
 * precedence: 429, 500, slow answer, malformed body. Push faults stay on until cleared.
 */
public final class Faults {

    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger slow = new AtomicInteger();
    private final AtomicInteger malformed = new AtomicInteger();
    private volatile Duration slowDelay = Duration.ZERO;
    private volatile boolean duplicatePushes;
    private volatile boolean outOfOrderPushes;

    /** The next {@code n} requests get HTTP 429. */
    public Faults rateLimitBurst(int n) {
        rateLimited.set(n);
        return this;
    }

    /** The next {@code n} requests get HTTP 500. */
    public Faults serverErrors(int n) {
        serverErrors.set(n);
        return this;
    }

    /** The next {@code n} requests are answered only after {@code delay}. */
    public Faults slowAnswers(int n, Duration delay) {
        slowDelay = delay;
        slow.set(n);
        return this;
    }

    /** The next {@code n} successful answers have a body that is not valid JSON. */
    public Faults malformedBodies(int n) {
        malformed.set(n);
        return this;
    }

    /** Every push is sent twice. */
    public Faults duplicatePushes(boolean on) {
        duplicatePushes = on;
        return this;
    }

    /** After each update push, the previous state is pushed again, as a late retry would. */
    public Faults outOfOrderPushes(boolean on) {
        outOfOrderPushes = on;
        return this;
    }

    /** Everything off. */
    public Faults clear() {
        rateLimited.set(0);
        serverErrors.set(0);
        slow.set(0);
        malformed.set(0);
        duplicatePushes = false;
        outOfOrderPushes = false;
        return this;
    }

    boolean takeRateLimited() {
        return take(rateLimited);
    }

    boolean takeServerError() {
        return take(serverErrors);
    }

    Duration takeSlow() {
        return take(slow) ? slowDelay : Duration.ZERO;
    }

    boolean takeMalformed() {
        return take(malformed);
    }

    boolean duplicatePushes() {
        return duplicatePushes;
    }

    boolean outOfOrderPushes() {
        return outOfOrderPushes;
    }

    private static boolean take(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
