package io.trackctl.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The check after a load: every push answered 200 was applied, and no event is stored twice. Push
 * {@code j} of a number carries its events 1..j, so a number whose highest update answered 200 is
 * {@code m} must end with exactly {@code m} events, all distinct, and the delivered status when
 * {@code m} is the last update.
 */
public final class Verification {

    /** What the store holds for one number. */
    public record Stored(int events, int distinctEvents, String status) {
    }

    private Verification() {
    }

    /**
     * The problems found, empty when the state is right.
     *
     * @param accepted highest update answered 200, per number index (0: none)
     * @param stored   the stored state by tracking number
     */
    public static List<String> problems(int[] accepted, int updates, Map<String, Stored> stored) {
        List<String> problems = new ArrayList<>();
        for (int n = 0; n < accepted.length; n++) {
            int m = accepted[n];
            String number = WirePushes.number(n);
            Stored s = stored.get(number);
            if (s == null) {
                problems.add(number + ": not stored");
                continue;
            }
            if (s.events() != s.distinctEvents()) {
                problems.add(number + ": " + s.events() + " events stored but only " + s.distinctEvents() + " distinct");
            }
            if (m > 0 && s.distinctEvents() < m) {
                problems.add(number + ": update " + m + " answered 200 but only " + s.distinctEvents()
                        + " of its events stored");
            }
            if (s.distinctEvents() > updates) {
                problems.add(number + ": " + s.distinctEvents() + " events, more than were ever sent");
            }
            if (m == updates && !"DELIVERED".equals(s.status())) {
                problems.add(number + ": delivered push answered 200 but status is " + s.status());
            }
        }
        return problems;
    }
}
