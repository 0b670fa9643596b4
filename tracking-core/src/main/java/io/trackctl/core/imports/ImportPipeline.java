package io.trackctl.core.imports;

import io.trackctl.core.model.Carrier;
import io.trackctl.core.model.ImportCounts;
import io.trackctl.core.model.ImportRowError;
import io.trackctl.core.model.NewTrackingNumber;
import io.trackctl.core.port.CarrierStore;
import io.trackctl.core.port.OrderStore;
import io.trackctl.core.port.TrackingStore;
import io.trackctl.core.snapshot.TrackingNumbers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The row pipeline shared by CSV imports and JSON batches: validates each row, records each bad
 * row with its line number and reason, creates or reuses orders and parcels, and writes the good
 * rows in batches. A number already stored for the shop, or repeated in the same input, counts as
 * a duplicate, not a failure. Memory stays bounded whatever the input size.
 */
public final class ImportPipeline {

    public static final int DEFAULT_BATCH_SIZE = 5000;
    private static final int LOOKUP_CACHE_LIMIT = 10_000;

    /** Told after each batch is written, with the ids of the numbers the batch newly stored. */
    public interface Listener {
        void batchDone(ImportCounts counts, List<ImportRowError> newErrors, List<Long> createdIds);
    }

    private final TrackingStore tracking;
    private final OrderStore orders;
    private final CarrierStore carriers;
    private final int batchSize;

    public ImportPipeline(TrackingStore tracking, OrderStore orders, CarrierStore carriers, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        this.tracking = tracking;
        this.orders = orders;
        this.carriers = carriers;
        this.batchSize = batchSize;
    }

    /** Runs the rows of one import; returns the final counts (total = rows seen). */
    public ImportCounts run(long jobId, long shopId, String defaultSource, Iterator<ImportRow> rows,
                            Listener listener) {
        Run run = new Run(jobId, shopId, defaultSource);
        ImportCounts counts = ImportCounts.ZERO;
        List<ImportRow> batch = new ArrayList<>(batchSize);
        while (rows.hasNext()) {
            batch.add(rows.next());
            if (batch.size() == batchSize) {
                counts = run.write(batch, counts, listener);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            counts = run.write(batch, counts, listener);
        }
        return counts;
    }

    /** The per-import lookup caches. */
    private final class Run {
        private final long jobId;
        private final long shopId;
        private final String defaultSource;
        private final Map<String, Optional<Carrier>> carrierCache = new HashMap<>();
        private final Map<String, Long> orderCache = new HashMap<>();
        private final Map<String, Long> parcelCache = new HashMap<>();

        Run(long jobId, long shopId, String defaultSource) {
            this.jobId = jobId;
            this.shopId = shopId;
            this.defaultSource = defaultSource;
        }

        ImportCounts write(List<ImportRow> batch, ImportCounts before, Listener listener) {
            List<ImportRowError> errors = new ArrayList<>();
            List<ImportRow> valid = new ArrayList<>(batch.size());
            for (ImportRow row : batch) {
                String problem = validate(row);
                if (problem != null) {
                    errors.add(new ImportRowError(jobId, row.lineNumber(), row.rawLine(), problem));
                } else {
                    valid.add(row);
                }
            }
            ensureLinks(valid);
            List<NewTrackingNumber> good = new ArrayList<>(valid.size());
            for (ImportRow row : valid) {
                good.add(toNew(row));
            }
            List<Long> created = good.isEmpty() ? List.of() : tracking.createTrackingIds(good);
            long duplicates = good.size() - created.size();
            ImportCounts after = before.plus(created.size(), errors.size(), duplicates);
            listener.batchDone(after, errors, created);
            return after;
        }

        private String validate(ImportRow row) {
            if (row.trackingNumber() == null || row.trackingNumber().isBlank()) {
                return "tracking number is missing";
            }
            String problem = TrackingNumbers.problem(row.trackingNumber());
            if (problem != null) {
                return "invalid tracking number '" + clip(row.trackingNumber()) + "': " + problem;
            }
            if (row.carrier() != null && carrier(row.carrier()).isEmpty()) {
                return "unknown carrier '" + clip(row.carrier()) + "' (use a carrier code such as 'usps' or a "
                        + "17TRACK carrier key such as 21051)";
            }
            if (row.shippedAt() != null && FlexibleTimes.parse(row.shippedAt()) == null) {
                return "shippedAt '" + clip(row.shippedAt()) + "' is not a date (use ISO-8601, such as 2026-11-23 "
                        + "or 2026-11-23T10:00:00Z)";
            }
            return null;
        }

        private NewTrackingNumber toNew(ImportRow row) {
            Optional<Carrier> carrier = row.carrier() == null ? Optional.empty() : carrier(row.carrier());
            Long orderId = row.orderExternalId() == null ? null : orderId(row.orderExternalId());
            Long parcelId = orderId == null || row.parcelNo() == null ? null : parcelId(orderId, row.parcelNo());
            Instant shipped = FlexibleTimes.parse(row.shippedAt());
            String source = row.source() == null ? defaultSource : row.source();
            return new NewTrackingNumber(shopId, orderId, parcelId, row.trackingNumber(),
                    carrier.map(Carrier::id).orElse(null), carrier.map(Carrier::trackKey).orElse(null), source,
                    shipped, null);
        }

        private Optional<Carrier> carrier(String text) {
            String key = text.trim().toLowerCase(Locale.ROOT);
            return carrierCache.computeIfAbsent(key, k -> {
                if (k.chars().allMatch(Character::isDigit) && k.length() <= 9) {
                    return carriers.findCarrierByKey(Integer.parseInt(k));
                }
                return carriers.findCarrierByCode(k);
            });
        }

        /** Creates the orders and parcels a batch names in one go per kind (one transaction each). */
        private void ensureLinks(List<ImportRow> rows) {
            bound(orderCache, rows.size());
            bound(parcelCache, rows.size());
            Set<String> newOrders = new LinkedHashSet<>();
            for (ImportRow r : rows) {
                if (r.orderExternalId() != null && !orderCache.containsKey(r.orderExternalId().trim())) {
                    newOrders.add(r.orderExternalId().trim());
                }
            }
            orderCache.putAll(orders.ensureOrders(shopId, newOrders));
            Set<OrderStore.ParcelKey> newParcels = new LinkedHashSet<>();
            for (ImportRow r : rows) {
                if (r.orderExternalId() != null && r.parcelNo() != null) {
                    long orderId = orderCache.get(r.orderExternalId().trim());
                    if (!parcelCache.containsKey(orderId + "|" + r.parcelNo().trim())) {
                        newParcels.add(new OrderStore.ParcelKey(orderId, r.parcelNo().trim()));
                    }
                }
            }
            orders.ensureParcels(newParcels).forEach((k, id) -> parcelCache.put(k.orderId() + "|" + k.parcelNo(), id));
        }

        private Long orderId(String externalId) {
            return orderCache.computeIfAbsent(externalId.trim(), e -> orders.ensureOrder(shopId, e).id());
        }

        private Long parcelId(long orderId, String parcelNo) {
            return parcelCache.computeIfAbsent(orderId + "|" + parcelNo.trim(),
                    k -> orders.ensureParcel(orderId, parcelNo.trim()).id());
        }

        /** Keeps a cache bounded: emptied before a batch that could push it past the limit. */
        private static void bound(Map<String, Long> cache, int coming) {
            if (cache.size() + coming > LOOKUP_CACHE_LIMIT) {
                cache.clear();
            }
        }
    }

    private static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
