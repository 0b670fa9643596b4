package io.trackctl.server.resource;

import io.trackctl.core.model.TrackingQuery;
import io.trackctl.core.service.TrackingInput;
import io.trackctl.core.service.TrackingService;
import io.trackctl.core.service.ValidationException;
import io.trackctl.core.status.MainStatus;
import io.trackctl.server.http.ApiRequest;
import io.trackctl.server.http.ApiService;
import io.trackctl.server.http.Reply;
import io.trackctl.server.http.Routes;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** {@code /tracking}: create one, delete many, list with filters, read one, its events. */
public final class TrackingResource implements ApiService {

    record TrackingBody(Long shopId, Long orderId, Long parcelId, String trackingNumber, String carrierCode,
                        String source, Instant shippedAt, Instant deliveredAt) {
    }

    record DeleteBody(List<Long> ids) {
    }

    record DeleteView(int deleted, int notFound, List<Long> deletedIds, List<Long> notFoundIds) {
    }

    private static final String STATUSES = Arrays.stream(MainStatus.values())
            .filter(s -> s.wire() != null).map(MainStatus::wire).collect(Collectors.joining(", "));

    private final TrackingService tracking;

    public TrackingResource(TrackingService tracking) {
        this.tracking = tracking;
    }

    @Override
    public String path() {
        return "/tracking";
    }

    @Override
    public void routes(Routes routes) {
        routes.post("/", this::create)
                .get("/", this::list)
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
