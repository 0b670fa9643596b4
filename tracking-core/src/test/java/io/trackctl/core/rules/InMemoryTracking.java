package io.trackctl.core.rules;

import io.trackctl.core.snapshot.SnapshotEvent;
import io.trackctl.core.snapshot.WebhookPayload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One tracking number stored in memory by the pure rules: what a store does with a push, minus the
 * database. {@link #storedEvents()} keeps every insert, so a double insert would show.
 */
final class InMemoryTracking {

    private TrackingState state = TrackingState.EMPTY;
    private final Set<String> keys = new HashSet<>();
    private final List<SnapshotEvent> inserted = new ArrayList<>();

    void deliver(WebhookPayload push) {
        switch (push.type()) {
            case TRACKING_STOPPED -> state = SnapshotApply.stop(state);
            case TRACKING_UPDATED -> {
                if (push.snapshot() != null) {
                    SnapshotApply.Result r = SnapshotApply.apply(state, Set.copyOf(keys), push.snapshot());
                    for (SnapshotEvent e : r.newEvents()) {
                        keys.add(EventIdentity.key(e));
                        inserted.add(e);
                    }
                    state = r.state();
                }
            }
            case UNKNOWN -> throw new IllegalArgumentException("unknown push type");
        }
    }

    TrackingState state() {
        return state;
    }

    Set<String> eventKeys() {
        return Set.copyOf(keys);
    }

    List<SnapshotEvent> storedEvents() {
        return List.copyOf(inserted);
    }
}
