package io.trackctl.store.internal;

import io.trackctl.core.model.Order;
import io.trackctl.core.model.OrderQuery;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.Parcel;
import io.trackctl.core.port.OrderStore;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Orders and parcels, created on first mention (insert-if-absent, so concurrent callers agree). */
public final class SqlOrderStore implements OrderStore {

    private final Db db;

    public SqlOrderStore(Db db) {
        this.db = db;
    }

    @Override
    public Order ensureOrder(long shopId, String externalId) {
        String ext = Objects.requireNonNull(externalId, "externalId").trim();
        if (ext.isEmpty()) {
            throw new IllegalArgumentException("order external id is required");
        }
        Params p = db.params().put("shop_id", shopId).put("external_id", ext).put("now", db.now());
        return db.tx(x -> {
            x.dml("order.insert-if-absent", p);
            return x.get("order.find-by-external", p, Mappers::order).orElseThrow();
        });
    }

    @Override
    public Map<String, Long> ensureOrders(long shopId, Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Map.of();
        }
        Instant now = db.now();
        return db.tx(x -> {
            Map<String, Long> ids = new LinkedHashMap<>();
            for (String e : externalIds) {
                Params p = db.params().put("shop_id", shopId).put("external_id", e.trim()).put("now", now);
                x.dml("order.insert-if-absent", p);
                ids.put(e, x.get("order.find-by-external", p, Mappers::order).orElseThrow().id());
            }
            return ids;
        });
    }

    @Override
    public Map<ParcelKey, Long> ensureParcels(Collection<ParcelKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Instant now = db.now();
        return db.tx(x -> {
            Map<ParcelKey, Long> ids = new LinkedHashMap<>();
            for (ParcelKey k : keys) {
                Params p = db.params().put("order_id", k.orderId()).put("parcel_no", k.parcelNo().trim())
                        .put("now", now);
                x.dml("parcel.insert-if-absent", p);
                ids.put(k, x.get("parcel.find-by-no", p, Mappers::parcel).orElseThrow().id());
            }
            return ids;
        });
    }

    @Override
    public Parcel ensureParcel(long orderId, String parcelNo) {
        String no = Objects.requireNonNull(parcelNo, "parcelNo").trim();
        if (no.isEmpty()) {
            throw new IllegalArgumentException("parcel number is required");
        }
        Params p = db.params().put("order_id", orderId).put("parcel_no", no).put("now", db.now());
        return db.tx(x -> {
            x.dml("parcel.insert-if-absent", p);
            return x.get("parcel.find-by-no", p, Mappers::parcel).orElseThrow();
        });
    }

    @Override
    public Optional<Order> findOrder(long id) {
        return db.read(x -> x.get("order.find", db.params().put("id", id), Mappers::order));
    }

    @Override
    public Optional<Parcel> findParcel(long id) {
        return db.read(x -> x.get("parcel.find", db.params().put("id", id), Mappers::parcel));
    }

    @Override
    public Page<Order> listOrders(OrderQuery query, PageRequest page) {
        Params p = db.params().put("shop_id", query.shopId()).put("created_from", query.createdFrom())
                .put("created_to", query.createdTo());
        return db.read(x -> x.page("order.list", "order.count", p, page, Mappers::order));
    }

    @Override
    public List<Parcel> parcelsOf(long orderId) {
        return db.read(x -> x.query("parcel.list-by-order", db.params().put("order_id", orderId), Mappers::parcel));
    }
}
