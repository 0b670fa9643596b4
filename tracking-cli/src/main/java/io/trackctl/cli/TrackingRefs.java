package io.trackctl.cli;

import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.port.TrackingStore;
import io.trackctl.core.snapshot.TrackingNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Resolves what a user types for a tracking number: its id, or the number itself. */
final class TrackingRefs {

    private TrackingRefs() {
    }

    /** Every stored tracking number {@code ref} names: the one with that id, else all with that number. */
    static List<TrackingNumber> find(TrackingStore store, String ref) {
        String t = ref.trim();
        if (t.matches("\\d{1,18}")) {
            Optional<TrackingNumber> byId = store.findTracking(Long.parseLong(t));
            if (byId.isPresent()) {
                return List.of(byId.get());
            }
        }
        return new ArrayList<>(store.findTrackingByNumber(TrackingNumbers.normalize(t)));
    }

    /** Exactly one tracking number, or a not-found / ambiguous failure naming {@code ref}. */
    static TrackingNumber one(TrackingStore store, String ref) {
        List<TrackingNumber> found = find(store, ref);
        if (found.isEmpty()) {
            throw new CliException(ExitCodes.NOT_FOUND, "no tracking number with id or number '" + ref + "'", null);
        }
        if (found.size() > 1) {
            throw new CliException(ExitCodes.USAGE, "'" + ref + "' is in several shops (tracking ids "
                    + found.stream().map(x -> String.valueOf(x.id())).toList() + "): name one id", null);
        }
        return found.getFirst();
    }
}
