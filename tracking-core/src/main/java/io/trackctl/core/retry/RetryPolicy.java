package io.trackctl.core.retry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;

/**
 * How failed jobs are tried again: at most {@code maxAttempts} attempts in all, exponential backoff
 * from {@code baseDelay} with a cap and +/- {@code jitter} spread. The number of attempts made comes
 * from the job's stored history, so the decision survives restarts.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, double jitter, Clock clock,
                          DoubleSupplier random) {

    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
    }

    /** 3 attempts, 2 s doubling to at most 5 min, 20% jitter. */
    public static RetryPolicy defaults(Clock clock) {
        return new RetryPolicy(DEFAULT_MAX_ATTEMPTS, Duration.ofSeconds(2), Duration.ofMinutes(5), 0.2, clock,
                () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, maxDelay, jitter, clock, random);
    }

    public RetryPolicy withDelays(Duration base, Duration max) {
        return new RetryPolicy(maxAttempts, base, max, jitter, clock, random);
    }

    /** What to do after a failure: retry at a time, or give up. */
    public sealed interface Decision permits Retry, GiveUp {
    }

    public record Retry(Instant at, int attemptsMade) implements Decision {
    }

    public record GiveUp(String reason, int attemptsMade) implements Decision {
    }

    /**
     * The decision after attempt number {@code attemptsMade} (1-based) failed with {@code failure}.
     */
    public Decision afterFailure(int attemptsMade, Throwable failure) {
        if (!isRetryable(failure)) {
            return new GiveUp("not retryable: " + describe(failure), attemptsMade);
        }
        if (attemptsMade >= maxAttempts) {
            return new GiveUp("gave up after " + attemptsMade + " attempts: " + describe(failure), attemptsMade);
        }
        return new Retry(clock.instant().plus(delayAfter(attemptsMade)), attemptsMade);
    }

    /** The wait after the n-th failed attempt: base * 2^(n-1), capped, with jitter applied. */
    public Duration delayAfter(int attemptsMade) {
        int shift = Math.min(Math.max(attemptsMade - 1, 0), 30);
        long base = baseDelay.toMillis();
        long raw = base << shift;
        if (raw < 0 || (base != 0 && raw / base != (1L << shift))) {
            raw = Long.MAX_VALUE;
        }
        long capped = Math.min(raw, maxDelay.toMillis());
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.max(0, Math.round(capped * factor)));
    }

    /**
     * The classification: an exception's own word first (the outermost {@link Retryable} anywhere in
     * the cause chain decides), then the usual transient kinds ({@link IOException},
     * {@link UncheckedIOException}, {@link TimeoutException}) anywhere in the chain; anything else is
     * not retryable. A cause chain with a cycle is walked once.
     */
    public static boolean isRetryable(Throwable failure) {
        List<Throwable> chain = causeChain(failure);
        for (Throwable t : chain) {
            if (t instanceof Retryable r) {
                return r.retryable();
            }
        }
        for (Throwable t : chain) {
            if (t instanceof TimeoutException || t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }

    private static List<Throwable> causeChain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
