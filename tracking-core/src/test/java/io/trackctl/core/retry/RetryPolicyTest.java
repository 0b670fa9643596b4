package io.trackctl.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2024-11-10T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** An exception that says for itself whether a retry helps. */
    static final class Verdict extends RuntimeException implements Retryable {
        private final boolean retryable;

        Verdict(boolean retryable, Throwable cause) {
            super("verdict " + retryable, cause);
            this.retryable = retryable;
        }

        @Override
        public boolean retryable() {
            return retryable;
        }
    }

    private static RetryPolicy policy(int attempts, double jitter, double random) {
        return new RetryPolicy(attempts, Duration.ofSeconds(2), Duration.ofMinutes(5), jitter, CLOCK, () -> random);
    }

    @Test
    void retriesUntilTheAttemptsAreUsedUpThenGivesUp() {
        RetryPolicy p = policy(3, 0, 0.5);
        IOException io = new IOException("connection reset");
        assertThat(p.afterFailure(1, io)).isEqualTo(new RetryPolicy.Retry(NOW.plusSeconds(2), 1));
        assertThat(p.afterFailure(2, io)).isEqualTo(new RetryPolicy.Retry(NOW.plusSeconds(4), 2));
        assertThat(p.afterFailure(3, io)).isInstanceOfSatisfying(RetryPolicy.GiveUp.class, g -> {
            assertThat(g.attemptsMade()).isEqualTo(3);
            assertThat(g.reason()).isEqualTo("gave up after 3 attempts: connection reset");
        });
        assertThat(p.afterFailure(7, io)).isInstanceOf(RetryPolicy.GiveUp.class);
    }

    @Test
    void aSingleAttemptPolicyNeverRetries() {
        assertThat(policy(3, 0, 0.5).withMaxAttempts(1).afterFailure(1, new TimeoutException()))
                .isInstanceOf(RetryPolicy.GiveUp.class);
    }

    @Test
    void aNonRetryableFailureGivesUpAtOnceNamingTheClassWhenThereIsNoMessage() {
        RetryPolicy.Decision d = policy(5, 0, 0.5).afterFailure(1, new IllegalArgumentException());
        assertThat(d).isEqualTo(new RetryPolicy.GiveUp("not retryable: IllegalArgumentException", 1));
    }

    @Test
    void theDelayDoublesFromTheBaseUpToTheCap() {
        RetryPolicy p = policy(100, 0, 0.5);
        assertThat(p.delayAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.delayAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(p.delayAfter(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(p.delayAfter(8)).isEqualTo(Duration.ofSeconds(256));
        assertThat(p.delayAfter(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.delayAfter(64)).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aHugeBaseDelayDoesNotOverflowPastTheCap() {
        RetryPolicy p = new RetryPolicy(100, Duration.ofDays(365 * 1000L), Duration.ofDays(365 * 2000L), 0, CLOCK,
                () -> 0.5);
        for (int n = 1; n < 80; n++) {
            assertThat(p.delayAfter(n)).isPositive().isLessThanOrEqualTo(Duration.ofDays(365 * 2000L));
        }
    }

    @Test
    void aZeroBaseDelayRetriesImmediately() {
        RetryPolicy p = new RetryPolicy(3, Duration.ZERO, Duration.ZERO, 0.5, CLOCK, () -> 0.99);
        assertThat(p.afterFailure(1, new IOException())).isEqualTo(new RetryPolicy.Retry(NOW, 1));
    }

    @Test
    void jitterSpreadsTheDelayWithinPlusOrMinusItsShare() {
        assertThat(policy(3, 0.2, 0.0).delayAfter(1)).isEqualTo(Duration.ofMillis(1600));
        assertThat(policy(3, 0.2, 0.5).delayAfter(1)).isEqualTo(Duration.ofMillis(2000));
        assertThat(policy(3, 0.2, 0.75).delayAfter(1)).isEqualTo(Duration.ofMillis(2200));
        assertThat(policy(3, 0.2, Math.nextDown(1.0)).delayAfter(1)).isEqualTo(Duration.ofMillis(2400));
    }

    @Test
    void theRetryTimeFollowsTheInjectedClock() {
        RetryPolicy p = policy(3, 0, 0.5);
        Clock later = Clock.offset(CLOCK, Duration.ofHours(1));
        RetryPolicy moved = new RetryPolicy(3, p.baseDelay(), p.maxDelay(), 0, later, p.random());
        assertThat(moved.afterFailure(1, new IOException())).isEqualTo(
                new RetryPolicy.Retry(NOW.plus(Duration.ofHours(1)).plusSeconds(2), 1));
    }

    @Test
    void theDefaultsAreThreeAttemptsFromTwoSecondsToFiveMinutesWithTwentyPercentJitter() {
        RetryPolicy d = RetryPolicy.defaults(CLOCK);
        assertThat(d.maxAttempts()).isEqualTo(3);
        assertThat(d.baseDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(d.maxDelay()).isEqualTo(Duration.ofMinutes(5));
        assertThat(d.jitter()).isEqualTo(0.2);
        for (int i = 0; i < 200; i++) {
            assertThat(d.delayAfter(1)).isBetween(Duration.ofMillis(1600), Duration.ofMillis(2400));
        }
        RetryPolicy shorter = d.withDelays(Duration.ofMillis(10), Duration.ofMillis(20));
        assertThat(shorter.baseDelay()).isEqualTo(Duration.ofMillis(10));
        assertThat(shorter.maxAttempts()).isEqualTo(3);
    }

    @Test
    void invalidSettingsAreRefused() {
        Duration s = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new RetryPolicy(0, s, s, 0, CLOCK, () -> 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, s.negated(), s, 0, CLOCK, () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, s, Duration.ZERO, 0, CLOCK, () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, s, s, -0.1, CLOCK, () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, s, s, 1.0, CLOCK, () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, null, s, 0, CLOCK, () -> 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, s, null, 0, CLOCK, () -> 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, s, s, 0, null, () -> 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, s, s, 0, CLOCK, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void transientKindsAreRetryable() {
        assertThat(RetryPolicy.isRetryable(new IOException())).isTrue();
        assertThat(RetryPolicy.isRetryable(new HttpTimeoutException("slow"))).isTrue();
        assertThat(RetryPolicy.isRetryable(new UncheckedIOException(new IOException()))).isTrue();
        assertThat(RetryPolicy.isRetryable(new TimeoutException())).isTrue();
        assertThat(RetryPolicy.isRetryable(new TransientFailureException("db busy"))).isTrue();
        assertThat(RetryPolicy.isRetryable(new CompletionException(new IOException()))).isTrue();
        assertThat(RetryPolicy.isRetryable(new RuntimeException(new RuntimeException(new TimeoutException()))))
                .isTrue();
    }

    @Test
    void otherFailuresAreNotRetryable() {
        assertThat(RetryPolicy.isRetryable(new IllegalArgumentException())).isFalse();
        assertThat(RetryPolicy.isRetryable(new NullPointerException())).isFalse();
        assertThat(RetryPolicy.isRetryable(new IllegalStateException(new IllegalArgumentException()))).isFalse();
        assertThat(RetryPolicy.isRetryable(new InterruptedException())).isFalse();
        assertThat(RetryPolicy.isRetryable(new Error("boom"))).isFalse();
        assertThat(RetryPolicy.isRetryable(null)).isFalse();
    }

    @Test
    void anExceptionsOwnVerdictWinsOverTheTransientKindsAnywhereInTheChain() {
        assertThat(RetryPolicy.isRetryable(new Verdict(false, new IOException()))).isFalse();
        assertThat(RetryPolicy.isRetryable(new Verdict(true, new IllegalArgumentException()))).isTrue();
        assertThat(RetryPolicy.isRetryable(new UncheckedIOException(new IOException(new Verdict(false, null)))))
                .isFalse();
        assertThat(RetryPolicy.isRetryable(new IllegalStateException(new Verdict(true, null)))).isTrue();
        assertThat(RetryPolicy.isRetryable(new Verdict(true, new Verdict(false, null)))).isTrue();
    }

    @Test
    void aCauseChainWithACycleIsClassifiedWithoutLoopingForever() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b");
        a.initCause(b);
        b.initCause(a);
        assertThat(RetryPolicy.isRetryable(a)).isFalse();
        IllegalStateException c = new IllegalStateException("c");
        IOException d = new IOException("d", c);
        c.initCause(d);
        assertThat(RetryPolicy.isRetryable(c)).isTrue();
    }
}
