package io.trackctl.store.internal;

import io.trackctl.core.model.NewTrackingNumber;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.RegistrationState;
import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.model.TrackingQuery;
import io.trackctl.core.port.TrackingStore;
import io.trackctl.core.snapshot.TrackingNumbers;
import io.trackctl.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Tracking numbers: unique per shop; a repeat is a {@link Duplicate} outcome, never an exception. */
public final class SqlTrackingStore implements TrackingStore {

    /** Shorter keywords cannot use the trigram index and fall back to LIKE. */
    static final int MIN_INDEXED_KEYWORD = 3;
    private static final int BATCH_SIZE = 5000;
    private static final System.Logger LOG = System.getLogger(SqlTrackingStore.class.getName());

    private final Db db;

    public SqlTrackingStore(Db db) {
        this.db = db;
    }

    /**
     * SQLite: indexes the rows above the newest indexed one, when the store opens. Since migration
     * V3 this store indexes the rows each of its transactions inserts, and no trigger does it for
     * other writers. A binary from before V3, run against this database after a rollback (Flyway
     * lets an older binary run on a newer schema), inserts rows the index never sees; they lie above
     * the newest indexed row. Only reads when there are none. When there are, it writes, and may
     * wait for another process's write lock up to the busy timeout; if that or anything else fails,
     * it logs a warning and the store opens anyway (the next open tries again): a search that misses
     * some rows beats no store. Returns how many rows it added.
     */
    public long catchUpKeywordIndex() {
        try {
            if (!db.read(x -> x.get("tracking.unindexed-tail", db.params()).map(r -> r.bool("missing")).orElse(false))) {
                return 0;
            }
            long added = db.write(x -> x.dml("tracking.index-tail", db.params()));
            LOG.log(System.Logger.Level.INFO, "added {0} tracking numbers to the keyword index that had been "
                    + "stored without it (by a binary from before migration V3)", added);
            return added;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not bring the keyword index up to date ({0}); keyword "
                    + "search may miss recently added tracking numbers until the next start", e.getMessage());
            return 0;
        }
    }

    /**
     * SQLite: adds every row missing from the keyword index, wherever it lies, in one pass over all
     * rows (about half a second per million on a warm cache). Rows such a binary inserted while this
     * one also inserted, in between rows this one indexed, are only found this way. Returns how many.
     */
    public long repairKeywordIndex() {
        long added = db.write(x -> x.dml("tracking.index-missing", db.params()));
        if (added > 0) {
            LOG.log(System.Logger.Level.INFO, "added {0} tracking numbers missing from the keyword index", added);
        }
        return added;
    }

    @Override
    public CreateOutcome createTracking(NewTrackingNumber n) {
        return createTrackingBatch(List.of(n)).getFirst();
    }

    @Override
    public List<CreateOutcome> createTrackingBatch(List<NewTrackingNumber> numbers) {
        return inChunks(numbers, (c, chunk, inList) -> {
            Inserted inserted = insert(c, chunk, inList);
            Map<ShopNumber, TrackingNumber> stored = stored(c, chunk);
            List<CreateOutcome> out = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                TrackingNumber t = stored.get(key(chunk.get(i).shopId(), chunk.get(i).number()));
                out.add(inserted.created()[i] ? new Created(t) : new Duplicate(t.id()));
            }
            return out;
        });
    }

    @Override
    public List<Long> createTrackingIds(List<NewTrackingNumber> numbers) {
        return inChunks(numbers, (c, chunk, inList) -> {
            Inserted inserted = insert(c, chunk, inList);
            // The rows this transaction inserted decide what is new, not the batch's update counts:
            // some driver settings report a skipped row as SUCCESS_NO_INFO.
            Map<ShopNumber, Long> ids = insertedIds(c, inserted.lastIdBefore(), chunk.size());
            List<Long> out = new ArrayList<>(ids.size());
            for (NewTrackingNumber n : chunk) {
                Long id = ids.remove(key(n.shopId(), n.number()));
                if (id != null) {
                    out.add(id);
                }
            }
            return out;
        });
    }

    /** One chunk's work in one transaction; {@code inList} holds the numbers of every earlier row of the call. */
    @FunctionalInterface
    private interface ChunkWork<T> {
        List<T> apply(Connection c, List<NewTrackingNumber> chunk, Set<ShopNumber> inList) throws SQLException;
    }

    private <T> List<T> inChunks(List<NewTrackingNumber> numbers, ChunkWork<T> work) {
        List<T> results = new ArrayList<>(numbers.size());
        Set<ShopNumber> inList = new HashSet<>();
        for (int from = 0; from < numbers.size(); from += BATCH_SIZE) {
            List<NewTrackingNumber> chunk = numbers.subList(from, Math.min(numbers.size(), from + BATCH_SIZE));
            results.addAll(db.jdbc(c -> work.apply(c, chunk, inList)));
        }
        return results;
    }

    /** What {@link #insert} did: the newest id before it (rows above are its own) and which rows were new. */
    private record Inserted(long lastIdBefore, boolean[] created) {
    }

    /**
     * The one place that inserts tracking numbers, first thing in its transaction: the rows and
     * their keyword-index entries go in together. Rows repeated earlier in the call ({@code inList},
     * to which this chunk's rows are added) are not tried.
     */
    private Inserted insert(Connection c, List<NewTrackingNumber> chunk, Set<ShopNumber> inList) throws SQLException {
        long lastIdBefore = lastId(c);
        boolean[] repeated = new boolean[chunk.size()];
        int[] counts = insertRows(c, chunk, inList, repeated);
        indexNew(c, lastIdBefore);
        boolean[] created = new boolean[chunk.size()];
        int k = 0;
        for (int i = 0; i < chunk.size(); i++) {
            created[i] = !repeated[i] && inserted(counts[k++]);
        }
        return new Inserted(lastIdBefore, created);
    }

    /** The ids of the rows this transaction inserted after reading {@code lastIdBefore}, by shop and number. */
    private Map<ShopNumber, Long> insertedIds(Connection c, long lastIdBefore, int expected) throws SQLException {
        Map<ShopNumber, Long> ids = HashMap.newHashMap(expected);
        try (PreparedStatement ps = c.prepareStatement(db.sql("tracking.inserted-ids"))) {
            ps.setLong(1, lastIdBefore);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(key(rs.getLong(2), rs.getString(3)), rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** The stored rows of the chunk's numbers, by shop and number, read with one statement. */
    private Map<ShopNumber, TrackingNumber> stored(Connection c, List<NewTrackingNumber> chunk) throws SQLException {
        Set<ShopNumber> wanted = new HashSet<>();
        Set<String> numbers = new LinkedHashSet<>();
        for (NewTrackingNumber n : chunk) {
            wanted.add(key(n.shopId(), n.number()));
            numbers.add(n.number());
        }
        Map<ShopNumber, TrackingNumber> stored = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(db.sql("tracking.find-by-numbers"))) {
            ps.setString(1, JsonArrays.of(numbers));
            try (ResultSet rs = ps.executeQuery()) {
                Row row = Row.of(rs, db.dialect());
                while (rs.next()) {
                    ShopNumber key = key(row.lng("shop_id"), row.str("number"));
                    if (wanted.contains(key)) {
                        stored.put(key, Mappers.tracking(row));
                    }
                }
            }
        }
        return stored;
    }

    /** A number within its shop, the unique key of a stored number. */
    private record ShopNumber(long shopId, String number) {
    }

    private static ShopNumber key(long shopId, String number) {
        return new ShopNumber(shopId, number);
    }

    /** Batches the chunk's rows not seen earlier in the call; marks the others in {@code repeated}. */
    private int[] insertRows(Connection c, List<NewTrackingNumber> chunk, Set<ShopNumber> inList, boolean[] repeated)
            throws SQLException {
        Object now = db.dialect().bindTime(db.now());
        try (PreparedStatement ps = c.prepareStatement(db.sql("tracking.insert-batch"))) {
            for (int i = 0; i < chunk.size(); i++) {
                NewTrackingNumber n = chunk.get(i);
                if (!inList.add(key(n.shopId(), n.number()))) {
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
            return ps.executeBatch();
        }
    }

    /**
     * The newest id, read first in the inserting transaction: the rows above it are then the
     * transaction's own. Never remembered across transactions, as SQLite reuses a deleted top id.
     */
    private long lastId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(db.sql("tracking.last-id")); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Indexes every row above {@code lastIdBefore} for keyword search with one statement, which on
     * SQLite is several times cheaper than a per-row trigger (PostgreSQL's index needs nothing).
     */
    private void indexNew(Connection c, long lastIdBefore) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(db.sql("tracking.index-new"))) {
            ps.setLong(1, lastIdBefore);
            ps.execute();
        }
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
            for (Long id : new LinkedHashSet<>(ids)) {
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
