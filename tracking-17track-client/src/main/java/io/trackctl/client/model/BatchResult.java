package io.trackctl.client.model;

import java.util.ArrayList;
import java.util.List;

/** What a list call gave back, merged over however many 40-number calls it took. */
public record BatchResult<A>(List<A> accepted, List<Rejected> rejected) {

    public BatchResult {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }

    public static <A> BatchResult<A> empty() {
        return new BatchResult<>(List.of(), List.of());
    }

    /** This result followed by {@code other}. */
    public BatchResult<A> merge(BatchResult<A> other) {
        List<A> a = new ArrayList<>(accepted);
        a.addAll(other.accepted);
        List<Rejected> r = new ArrayList<>(rejected);
        r.addAll(other.rejected);
        return new BatchResult<>(a, r);
    }
}
