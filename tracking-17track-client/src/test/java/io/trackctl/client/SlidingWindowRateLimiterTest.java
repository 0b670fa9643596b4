package io.trackctl.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SlidingWindowRateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(50 * SECOND);
    private final SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(3, Duration.ofSeconds(1),
            clock::get);

    @Test
    void theFirstPermitsOfAWindowAreFreeAndTheNextWaitForTheOldestToLeaveIt() {
        List<Long> slots = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            slots.add(limiter.reserve() - clock.get());
        }

        assertThat(slots).containsExactly(0L, 0L, 0L, SECOND, SECOND, SECOND, 2 * SECOND);
    }

    @Test
    void noWindowEverHoldsMoreThanThePermitsEvenWhenCallersArriveSpreadOut() {
        List<Long> slots = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            clock.addAndGet(SECOND / 7);
            slots.add(limiter.reserve());
        }

        for (long start : slots) {
            long inWindow = slots.stream().filter(s -> s >= start && s < start + SECOND).count();
            assertThat(inWindow).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void anIdleLimiterGrantsAtOnceAgain() {
        for (int i = 0; i < 3; i++) {
            limiter.reserve();
        }
        clock.addAndGet(5 * SECOND);

        assertThat(limiter.reserve()).isEqualTo(clock.get());
    }

    @Test
    void acquireReturnsImmediatelyWhileThereAreFreePermits() throws InterruptedException {
        SlidingWindowRateLimiter real = SlidingWindowRateLimiter.perSecond(3);
        long start = System.nanoTime();

        real.acquire();
        real.acquire();

        assertThat(System.nanoTime() - start).isLessThan(SECOND / 2);
    }

    @Test
    void clientsOfTheSameKeyShareOneLimiterAndOtherKeysGetTheirOwn() {
        SlidingWindowRateLimiter a = SlidingWindowRateLimiter.shared("KEY-A-123", 3);

        assertThat(SlidingWindowRateLimiter.shared("KEY-A-123", 3)).isSameAs(a);
        assertThat(SlidingWindowRateLimiter.shared("KEY-B-123", 3)).isNotSameAs(a);
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> new SlidingWindowRateLimiter(0, Duration.ofSeconds(1), clock::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlidingWindowRateLimiter(3, Duration.ZERO, clock::get))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
