package io.trackctl.core.port;

import io.trackctl.core.model.NewTrackingNumber;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.RegistrationState;
import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.model.TrackingQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Storage of tracking numbers (create, find, list, delete, registration and sync bookkeeping). */
public interface TrackingStore {

    /** The outcome of creating one number: stored, or already stored for that shop. */
    sealed interface CreateOutcome permits Created, Duplicate {
    }

    record Created(TrackingNumber tracking) implements CreateOutcome {
    }

    record Duplicate(long existingId) implements CreateOutcome {
    }

    CreateOutcome createTracking(NewTrackingNumber number);

    /**
     * Stores many numbers in batches; returns one outcome per input, in order. A number already
     * stored for the shop, or repeated earlier in the same list, is a {@link Duplicate}.
     */
    List<CreateOutcome> createTrackingBatch(List<NewTrackingNumber> numbers);

    /**
     * Stores many numbers like {@link #createTrackingBatch} but reads no stored rows back, for bulk
     * imports that only need to know which numbers are new: returns the ids of the newly stored
     * numbers, in input order. Numbers already stored, or repeated in the list, are left out.
     */
    List<Long> createTrackingIds(List<NewTrackingNumber> numbers);

    Optional<TrackingNumber> findTracking(long id);

    /** Every stored number with this (normalized) number, across shops. */
    List<TrackingNumber> findTrackingByNumber(String number);

    Page<TrackingNumber> listTracking(TrackingQuery query, PageRequest page);

    /** Deletes those of {@code ids} that exist (and belong to {@code shopScope} when not null); returns them. */
    List<Long> deleteTracking(Long shopScope, Collection<Long> ids);

    void markRegistration(Collection<Long> ids, RegistrationState state, String error);

    void markSynced(Collection<Long> ids, Instant at);

    /**
     * Numbers worth pulling: not in a final status, not stopped, registered or pending, last synced
     * before {@code syncedBefore} (or never), stalest first, at most {@code limit}.
     */
    List<TrackingNumber> dueForSync(Instant syncedBefore, int limit);
}
