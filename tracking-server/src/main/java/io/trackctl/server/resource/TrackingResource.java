package io.trackctl.server.resource;

import io.trackctl.core.imports.ImportRow;
import io.trackctl.core.imports.ImportService;
import io.trackctl.core.model.ImportJob;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.TrackingQuery;
import io.trackctl.core.service.TrackingInput;
import io.trackctl.core.service.TrackingService;
import io.trackctl.core.service.ValidationException;
import io.trackctl.core.status.MainStatus;
import io.trackctl.server.http.ApiException;
import io.trackctl.server.http.ApiRequest;
import io.trackctl.server.http.ApiService;
import io.trackctl.server.http.ErrorCode;
import io.trackctl.server.http.Json;
import io.trackctl.server.http.Reply;
import io.trackctl.server.http.Routes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** {@code /tracking}: create one, create many (through the import pipeline), delete many, list with filters, read one, its events. */
public final class TrackingResource implements ApiService {

    record TrackingBody(Long shopId, Long orderId, Long parcelId, String trackingNumber, String carrierCode,
                        String source, Instant shippedAt, Instant deliveredAt) {
    }

    record DeleteBody(List<Long> ids) {
    }

    record BatchItem(String trackingNumber, String carrierCode, String parcelNo, String orderExternalId,
                     String source, String shippedAt) {
    }

    record BatchBody(Long shopId, List<BatchItem> items) {
    }

    record DeleteView(int deleted, int notFound, List<Long> deletedIds, List<Long> notFoundIds) {
    }

    private static final String STATUSES = Arrays.stream(MainStatus.values())
            .filter(s -> s.wire() != null).map(MainStatus::wire).collect(Collectors.joining(", "));

    /** The most items one batch create may carry. */
    public static final int MAX_BATCH = 10_000;

    private final TrackingService tracking;
    private final ImportService imports;
    private final long maxBatchBytes;

    public TrackingResource(TrackingService tracking) {
        this(tracking, null, 0);
    }

    /**
     * @param imports       runs batch creates through the import pipeline
     * @param maxBatchBytes the largest batch body accepted
     */
    public TrackingResource(TrackingService tracking, ImportService imports, long maxBatchBytes) {
        this.tracking = tracking;
        this.imports = imports;
        this.maxBatchBytes = maxBatchBytes;
    }

    @Override
    public String path() {
        return "/tracking";
    }

    @Override
    public void routes(Routes routes) {
        routes.post("/", this::create)
                .get("/", this::list)
                .post("/batch", this::createBatch)
                .delete("/batch", this::deleteBatch)
                .get("/{id}", this::get)
                .get("/{id}/events", this::events);
    }

    private Object create(ApiRequest req) {
        TrackingBody b = req.body(TrackingBody.class);
        return Reply.created(Views.TrackingView.of(tracking.create(req.caller(), new TrackingInput(b.shopId(),
                b.orderId(), b.parcelId(), b.trackingNumber(), b.carrierCode(), b.source(), b.shippedAt(),
                b.deliveredAt()))));
    }

    private Object createBatch(ApiRequest req) {
        BatchBody b = req.body(BatchBody.class, maxBatchBytes);
        Long shopId = b.shopId() != null ? b.shopId() : req.caller().scope();
        if (shopId == null || shopId < 1) {
            throw ValidationException.of("shopId", shopId == null ? "is required" : "must be a positive whole number");
        }
        if (b.items() == null || b.items().isEmpty()) {
            throw ValidationException.of("items", "must hold at least one item");
        }
        if (b.items().size() > MAX_BATCH) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "items: at most " + MAX_BATCH
                    + " per batch, got " + b.items().size() + "; split the batch or upload a CSV file");
        }
        List<ImportRow> rows = new ArrayList<>(b.items().size());
        List<ValidationException.FieldError> shape = new ArrayList<>();
        for (int i = 0; i < b.items().size(); i++) {
            BatchItem it = b.items().get(i);
            if (it == null) {
                shape.add(new ValidationException.FieldError("items[" + i + "]", "must be an object"));
                continue;
            }
            rows.add(new ImportRow(i + 1, Json.MAPPER.valueToTree(it).toString(), blankToNull(it.trackingNumber()),
                    blankToNull(it.carrierCode()), blankToNull(it.parcelNo()), blankToNull(it.orderExternalId()),
                    blankToNull(it.source()), blankToNull(it.shippedAt())));
        }
        if (!shape.isEmpty()) {
            throw new ValidationException(shape);
        }
        ImportJob job = imports.runBatch(req.caller(), shopId, rows);
        return Reply.created(ImportViews.BatchView.of(job,
                imports.errors(req.caller(), job.id(), PageRequest.of(1, PageRequest.MAX_SIZE))));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private Object deleteBatch(ApiRequest req) {
        DeleteBody b = req.body(DeleteBody.class);
        TrackingService.DeleteResult r = tracking.delete(req.caller(), b.ids());
        return new DeleteView(r.deleted().size(), r.notFound().size(), r.deleted(), r.notFound());
    }

    private Object list(ApiRequest req) {
        MainStatus status = req.query("status").map(TrackingResource::status).orElse(null);
        TrackingQuery query = new TrackingQuery(req.queryId("shopId"), status, req.query("keyword").orElse(null),
                req.queryInstant("updatedFrom"), req.queryInstant("updatedTo"));
        return Views.PageView.of(tracking.list(req.caller(), query, req.page()), Views.TrackingView::of);
    }

    private Object get(ApiRequest req) {
        TrackingService.TrackingDetail d = tracking.detail(req.caller(), req.pathId("id"));
        Views.TrackingView t = Views.TrackingView.of(d.tracking());
        return new Views.TrackingDetailView(t, d.order().map(Views.OrderView::of).orElse(null),
                d.parcel().map(Views.ParcelView::of).orElse(null), d.carrier().map(Views.CarrierView::of).orElse(null),
                t.latestStatus(), Views.PageView.of(d.events(), Views.EventView::of));
    }

    private Object events(ApiRequest req) {
        long id = req.pathId("id");
        return Views.PageView.of(tracking.events(req.caller(), id, req.page()), Views.EventView::of);
    }

    private static MainStatus status(String raw) {
        MainStatus s = MainStatus.parse(raw);
        if (s == MainStatus.UNKNOWN) {
            throw ValidationException.of("status", "must be one of " + STATUSES);
        }
        return s;
    }
}
