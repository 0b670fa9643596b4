package io.trackctl.core.testing;

import io.trackctl.core.snapshot.Snapshot;
import java.util.List;
import java.util.Objects;

/**
 * The pushes 17TRACK sends for one number, in the order it produced them: each update is a whole
 * snapshot containing the events of the previous one plus newer ones (or the same events with a
 * later sync time and a new providers hash: a tie); a TRACKING_STOPPED push may close it.
 */
public record NumberHistory(String number, int carrier, String tag, List<GeneratedPush> pushes) {

    public NumberHistory {
        pushes = List.copyOf(pushes);
    }

    /** The snapshots of the updates, in order (stops left out). */
    public List<Snapshot> snapshots() {
        return pushes.stream().map(p -> p.payload().snapshot()).filter(Objects::nonNull).toList();
    }

    /** The newest snapshot: the state every delivery order must converge to. */
    public Snapshot lastSnapshot() {
        List<Snapshot> s = snapshots();
        return s.getLast();
    }

    public boolean stopped() {
        return pushes.getLast().isStop();
    }
}
