package io.trackctl.store.internal;

import io.trackctl.core.model.NewTrackingNumber;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.RegistrationState;
import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.model.TrackingQuery;
import io.trackctl.core.port.TrackingStore;
import io.trackctl.core.snapshot.TrackingNumbers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Tracking numbers: unique per shop; a repeat is a {@link Duplicate} outcome, never an exception. */
public final class SqlTrackingStore implements TrackingStore {

    /** Shorter keywords cannot use the trigram index and fall back to LIKE. */
    static final int MIN_INDEXED_KEYWORD = 3;
    private static final int BATCH_SIZE = 500;

    private final Db db;

    public SqlTrackingStore(Db db) {
        this.db = db;
    }

    @Override
    public CreateOutcome createTracking(NewTrackingNumber n) {
        return db.tx(x -> {
            Params p = db.params().put("shop_id", n.shopId()).put("order_id", n.orderId())
                    .put("parcel_id", n.parcelId()).put("number", n.number()).put("carrier_id", n.carrierId())
                    .put("carrier_key", n.carrierKey()).put("source", n.source()).put("shipped_at", n.shippedAt())
                    .put("delivered_at", n.deliveredAt()).put("now", db.now());
            Optional<Long> id = x.insertReturningId("tracking.insert", p);
            if (id.isEmpty()) {
                long existing = x.get("tracking.find-id", p).orElseThrow().lng("id");
                return new Duplicate(existing);
            }
            return new Created(x.get("tracking.find", db.params().put("id", id.get()), Mappers::tracking)
                    .orElseThrow());
        });
    }

    @Override
    public List<CreateOutcome> createTrackingBatch(List<NewTrackingNumber> numbers) {
        List<CreateOutcome> outcomes = new ArrayList<>(numbers.size());
        Set<String> inList = new HashSet<>();
        for (int from = 0; from < numbers.size(); from += BATCH_SIZE) {
            List<NewTrackingNumber> chunk = numbers.subList(from, Math.min(numbers.size(), from + BATCH_SIZE));
            outcomes.addAll(db.jdbc(c -> insertChunk(c, chunk, inList)));
        }
        return outcomes;
    }

    /** {@code inList} holds shop|number of every earlier row of the call; this chunk's rows are added. */
    private List<CreateOutcome> insertChunk(Connection c, List<NewTrackingNumber> chunk, Set<String> inList)
            throws SQLException {
        boolean[] repeated = new boolean[chunk.size()];
        Object now = db.dialect().bindTime(db.now());
        int[] counts;
        try (PreparedStatement ps = c.prepareStatement(db.sql("tracking.insert-batch"))) {
            for (int i = 0; i < chunk.size(); i++) {
                NewTrackingNumber n = chunk.get(i);
                if (!inList.add(n.shopId() + "|" + n.number())) {
                    repeated[i] = true;
                    continue;
                }
                ps.setLong(1, n.shopId());
                setLong(ps, 2, n.orderId());
                setLong(ps, 3, n.parcelId());
                ps.setString(4, n.number());
                setLong(ps, 5, n.carrierId());
                if (n.carrierKey() == null) {
                    ps.setNull(6, Types.INTEGER);
                } else {
                    ps.setInt(6, n.carrierKey());
                }
                ps.setString(7, n.source());
                setTime(ps, 8, n.shippedAt());
                setTime(ps, 9, n.deliveredAt());
                ps.setObject(10, now);
                ps.setObject(11, now);
                ps.addBatch();
            }
            counts = ps.executeBatch();
        }
        List<CreateOutcome> out = new ArrayList<>(chunk.size());
        int k = 0;
        try (PreparedStatement find = c.prepareStatement(db.sql("tracking.find-by-shop-number"))) {
            for (int i = 0; i < chunk.size(); i++) {
                NewTrackingNumber n = chunk.get(i);
                boolean created = !repeated[i] && inserted(counts[k++]);
                find.setLong(1, n.shopId());
                find.setString(2, n.number());
                try (ResultSet rs = find.executeQuery()) {
                    rs.next();
                    long id = rs.getLong("id");
                    out.add(created ? new Created(Mappers.tracking(Row.of(rs, db.dialect()))) : new Duplicate(id));
                }
            }
        }
        return out;
    }

    private static boolean inserted(int count) {
        // Some drivers report SUCCESS_NO_INFO (-2) for batched rows; only an explicit 0 means "skipped".
        return count != 0;
    }

    private void setTime(PreparedStatement ps, int index, Instant t) throws SQLException {
        Object v = db.dialect().bindTime(t);
        if (v == null) {
            ps.setNull(index, Types.NULL);
        } else {
            ps.setObject(index, v);
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, v);
        }
    }

    @Override
    public Optional<TrackingNumber> findTracking(long id) {
        return db.read(x -> x.get("tracking.find", db.params().put("id", id), Mappers::tracking));
    }

    @Override
    public List<TrackingNumber> findTrackingByNumber(String number) {
        String n = TrackingNumbers.normalize(number);
        if (n == null || n.isEmpty()) {
            return List.of();
        }
        return db.read(x -> x.query("tracking.find-by-number", db.params().put("number", n), Mappers::tracking));
    }

    @Override
    public Page<TrackingNumber> listTracking(TrackingQuery query, PageRequest page) {
        String keyword = query.keyword() == null ? null : TrackingNumbers.normalize(query.keyword());
        keyword = keyword == null || keyword.isEmpty() ? null : keyword.toUpperCase(Locale.ROOT);
        Params p = db.params().put("shop_id", query.shopId()).put("status", query.status())
                .put("updated_from", query.updatedFrom()).put("updated_to", query.updatedTo());
        if (keyword != null && keyword.length() >= MIN_INDEXED_KEYWORD) {
            p.put("like", "%" + Like.escape(keyword) + "%").put("match", "\"" + keyword.replace("\"", "\"\"") + "\"");
            return db.read(x -> x.page("tracking.search", "tracking.search-count", p, page, Mappers::tracking));
        }
        p.put("like", keyword == null ? null : "%" + Like.escape(keyword) + "%");
        return db.read(x -> x.page("tracking.list", "tracking.count", p, page, Mappers::tracking));
    }

    @Override
    public List<Long> deleteTracking(Long shopScope, Collection<Long> ids) {
        return db.tx(x -> {
            List<Long> deleted = new ArrayList<>();
            for (Long id : new java.util.LinkedHashSet<>(ids)) {
                if (x.dml("tracking.delete", db.params().put("id", id).put("shop_id", shopScope)) > 0) {
                    deleted.add(id);
                }
            }
            return deleted;
        });
    }

    @Override
    public void markRegistration(Collection<Long> ids, RegistrationState state, String error) {
        db.tx(x -> {
            for (Long id : ids) {
                x.dml("tracking.mark-registration", db.params().put("id", id).put("state", state)
                        .put("error", error).put("now", db.now()));
            }
            return null;
        });
    }

    @Override
    public void markSynced(Collection<Long> ids, Instant at) {
        db.tx(x -> {
            for (Long id : ids) {
                x.dml("tracking.mark-synced", db.params().put("id", id).put("at", at));
            }
            return null;
        });
    }

    @Override
    public List<TrackingNumber> dueForSync(Instant syncedBefore, int limit) {
        return db.read(x -> x.query("tracking.due-for-sync",
                db.params().put("before", syncedBefore).put("limit", (long) limit), Mappers::tracking));
    }
}
