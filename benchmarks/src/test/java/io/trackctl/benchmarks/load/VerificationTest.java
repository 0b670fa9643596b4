package io.trackctl.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerificationTest {

    @Test
    void aNumberWithAllItsAcceptedEventsOnceAndTheDeliveredStatusPasses() {
        Map<String, Verification.Stored> stored = new HashMap<>();
        stored.put(WirePushes.number(0), new Verification.Stored(3, 3, "DELIVERED"));
        stored.put(WirePushes.number(1), new Verification.Stored(2, 2, "IN_TRANSIT"));
        stored.put(WirePushes.number(2), new Verification.Stored(0, 0, "UNKNOWN"));

        assertThat(Verification.problems(new int[] {3, 2, 0}, 3, stored)).isEmpty();
    }

    @Test
    void anAcceptedPushWhoseEventsAreMissingIsReportedAsLost() {
        Map<String, Verification.Stored> stored = Map.of(WirePushes.number(0), new Verification.Stored(1, 1, "IN_TRANSIT"));

        assertThat(Verification.problems(new int[] {2}, 3, stored)).singleElement().asString()
                .contains("update 2 answered 200 but only 1");
    }

    @Test
    void anEventStoredTwiceIsReported() {
        Map<String, Verification.Stored> stored = Map.of(WirePushes.number(0), new Verification.Stored(3, 2, "IN_TRANSIT"));

        assertThat(Verification.problems(new int[] {2}, 3, stored)).singleElement().asString()
                .contains("3 events stored but only 2 distinct");
    }

    @Test
    void anAcceptedDeliveredPushThatDidNotMoveTheStatusIsReported() {
        Map<String, Verification.Stored> stored = Map.of(WirePushes.number(0), new Verification.Stored(3, 3, "IN_TRANSIT"));

        assertThat(Verification.problems(new int[] {3}, 3, stored)).singleElement().asString()
                .contains("status is IN_TRANSIT");
    }

    @Test
    void aNumberMissingFromTheStoreIsReported() {
        assertThat(Verification.problems(new int[] {1}, 3, Map.of())).containsExactly(WirePushes.number(0) + ": not stored");
    }
}
