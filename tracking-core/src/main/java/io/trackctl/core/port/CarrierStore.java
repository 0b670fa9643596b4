package io.trackctl.core.port;

import io.trackctl.core.model.Carrier;
import io.trackctl.core.model.NewCarrier;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import java.util.Collection;
import java.util.Optional;

/** Storage of the carrier catalogue. */
public interface CarrierStore {

    /** Counts of an upsert: rows created and rows updated. */
    record UpsertCounts(int created, int updated) {
    }

    /**
     * Creates or updates carriers by code (and by 17TRACK key: a record whose key is already used
     * by another code updates that one). All or nothing.
     */
    UpsertCounts upsertCarriers(Collection<NewCarrier> carriers);

    Optional<Carrier> findCarrier(long id);

    Optional<Carrier> findCarrierByCode(String code);

    Optional<Carrier> findCarrierByKey(int trackKey);

    /** Carriers whose code or name contains {@code text} (case-insensitive); all when null. */
    Page<Carrier> searchCarriers(String text, PageRequest page);
}
