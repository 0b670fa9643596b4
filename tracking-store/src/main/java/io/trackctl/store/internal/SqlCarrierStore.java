package io.trackctl.store.internal;

import io.trackctl.core.model.Carrier;
import io.trackctl.core.model.NewCarrier;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.port.CarrierStore;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The carrier catalogue. */
public final class SqlCarrierStore implements CarrierStore {

    private final Db db;

    public SqlCarrierStore(Db db) {
        this.db = db;
    }

    /** @throws IllegalArgumentException when a code's new key already belongs to another code (nothing is saved) */
    @Override
    public UpsertCounts upsertCarriers(Collection<NewCarrier> carriers) {
        return db.tx(x -> {
            int created = 0;
            int updated = 0;
            for (NewCarrier c : carriers) {
                Optional<Carrier> existing = x.get("carrier.find-by-code", db.params().put("code", c.code()),
                        Mappers::carrier);
                if (existing.isEmpty() && c.trackKey() != null) {
                    existing = x.get("carrier.find-by-key", db.params().put("track_key", c.trackKey()),
                            Mappers::carrier);
                }
                Params p = db.params().put("code", c.code()).put("name", c.name()).put("track_key", c.trackKey())
                        .put("country", c.country()).put("homepage", c.homepage()).put("now", db.now());
                if (existing.isPresent() && c.trackKey() != null) {
                    long id = existing.get().id();
                    x.get("carrier.find-by-key", db.params().put("track_key", c.trackKey()), Mappers::carrier)
                            .filter(other -> other.id() != id)
                            .ifPresent(other -> {
                                throw new IllegalArgumentException("carrier key " + c.trackKey() + " of '" + c.code()
                                        + "' already belongs to '" + other.code() + "'");
                            });
                }
                if (existing.isPresent()) {
                    x.dml("carrier.update", p.put("id", existing.get().id()));
                    updated++;
                } else {
                    x.insertReturningId("carrier.insert", p);
                    created++;
                }
            }
            return new UpsertCounts(created, updated);
        });
    }

    @Override
    public Optional<Carrier> findCarrier(long id) {
        return db.read(x -> x.get("carrier.find", db.params().put("id", id), Mappers::carrier));
    }

    @Override
    public Optional<Carrier> findCarrierByCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalized = code.trim().toLowerCase(Locale.ROOT);
        return db.read(x -> x.get("carrier.find-by-code", db.params().put("code", normalized), Mappers::carrier));
    }

    @Override
    public Optional<Carrier> findCarrierByKey(int trackKey) {
        return db.read(x -> x.get("carrier.find-by-key", db.params().put("track_key", trackKey), Mappers::carrier));
    }

    @Override
    public Page<Carrier> searchCarriers(String text, PageRequest page) {
        String pattern = text == null || text.isBlank() ? null
                : "%" + Like.escape(text.trim().toLowerCase(Locale.ROOT)) + "%";
        Params p = db.params().put("pattern", pattern);
        return db.read(x -> x.page("carrier.search", "carrier.count", p, page, Mappers::carrier));
    }
}
