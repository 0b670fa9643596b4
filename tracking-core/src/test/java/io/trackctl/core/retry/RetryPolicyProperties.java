package io.trackctl.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RetryPolicyProperties {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-11-10T08:00:00Z"), ZoneOffset.UTC);

    @Property(tries = 1000)
    void theDelayStaysWithinTheJitterBandAroundTheCappedBackoff(
            @ForAll @IntRange(min = 1, max = 200) int attempt,
            @ForAll @LongRange(min = 0, max = 60_000) long baseMillis,
            @ForAll @LongRange(min = 0, max = 3_600_000) long extraMillis,
            @ForAll @DoubleRange(min = 0, max = 0.99) double jitter,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random) {
        Duration base = Duration.ofMillis(baseMillis);
        Duration max = base.plusMillis(extraMillis);
        RetryPolicy p = new RetryPolicy(5, base, max, jitter, CLOCK, () -> random);
        double exact = Math.min((double) baseMillis * Math.pow(2, Math.min(attempt - 1, 30)), max.toMillis());
        long delay = p.delayAfter(attempt).toMillis();
        assertThat(delay).isBetween((long) Math.floor(exact * (1 - jitter)) - 1,
                (long) Math.ceil(exact * (1 + jitter)) + 1);
        assertThat(delay).isNotNegative();
    }

    @Property(tries = 300)
    void retriesHappenExactlyForTheAttemptsBelowTheMaximum(@ForAll @IntRange(min = 1, max = 20) int maxAttempts,
                                                           @ForAll @IntRange(min = 1, max = 40) int attempt) {
        RetryPolicy p = new RetryPolicy(maxAttempts, Duration.ofSeconds(1), Duration.ofSeconds(10), 0.1, CLOCK,
                () -> 0.3);
        RetryPolicy.Decision d = p.afterFailure(attempt, new IOException("down"));
        if (attempt < maxAttempts) {
            assertThat(d).isInstanceOfSatisfying(RetryPolicy.Retry.class, r -> {
                assertThat(r.attemptsMade()).isEqualTo(attempt);
                assertThat(r.at()).isAfter(CLOCK.instant());
            });
        } else {
            assertThat(d).isInstanceOf(RetryPolicy.GiveUp.class);
        }
    }
}
