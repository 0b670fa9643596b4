package io.trackctl.core.service;

import io.trackctl.core.model.Carrier;
import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.JobTrigger;
import io.trackctl.core.model.NewJob;
import io.trackctl.core.model.NewTrackingNumber;
import io.trackctl.core.model.Order;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.Parcel;
import io.trackctl.core.model.Shop;
import io.trackctl.core.model.TrackingEvent;
import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.model.TrackingQuery;
import io.trackctl.core.port.CarrierStore;
import io.trackctl.core.port.EventStore;
import io.trackctl.core.port.JobQueue;
import io.trackctl.core.port.OrderStore;
import io.trackctl.core.port.ShopStore;
import io.trackctl.core.port.TrackingStore;
import io.trackctl.core.snapshot.TrackingNumbers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Tracking numbers: create one, delete many, list, read one with its events. Tenant-scoped. */
public final class TrackingService {

    /** The largest number of ids one delete may name. */
    public static final int MAX_DELETE = 1000;
    /** The most events a detail view carries; the events route pages through the rest. */
    public static final int DETAIL_EVENTS = PageRequest.MAX_SIZE;
    private static final Pattern KEYWORD = Pattern.compile("[A-Z0-9-]+");
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9_-]{1,32}");

    /** A tracking number with what it links to and its newest events. */
    public record TrackingDetail(TrackingNumber tracking, Optional<Order> order, Optional<Parcel> parcel,
                                 Optional<Carrier> carrier, Page<TrackingEvent> events) {
    }

    /** The answer to a batch delete. */
    public record DeleteResult(List<Long> deleted, List<Long> notFound) {
    }

    /** Where new numbers go for registration with 17TRACK; {@link #NONE} when no API key is configured. */
    public interface RegistrationQueue {
        RegistrationQueue NONE = ids -> { };

        void registerLater(List<Long> trackingIds);

        /** Enqueues one REGISTER job per number on {@code queue}. */
        static RegistrationQueue on(JobQueue queue, int maxAttempts) {
            return ids -> {
                if (!ids.isEmpty()) {
                    queue.enqueue(ids.stream()
                            .map(id -> new NewJob(JobKind.REGISTER, JobTrigger.API, id, null, maxAttempts, null))
                            .toList());
                    queue.signal();
                }
            };
        }
    }

    private final TrackingStore tracking;
    private final ShopStore shops;
    private final CarrierService carriers;
    private final CarrierStore carrierStore;
    private final OrderStore orders;
    private final EventStore events;
    private final RegistrationQueue registration;

    public TrackingService(TrackingStore tracking, ShopStore shops, CarrierStore carrierStore, OrderStore orders,
                           EventStore events, RegistrationQueue registration) {
        this.tracking = Objects.requireNonNull(tracking, "tracking");
        this.shops = Objects.requireNonNull(shops, "shops");
        this.carrierStore = Objects.requireNonNull(carrierStore, "carrierStore");
        this.carriers = new CarrierService(carrierStore);
        this.orders = Objects.requireNonNull(orders, "orders");
        this.events = Objects.requireNonNull(events, "events");
        this.registration = Objects.requireNonNull(registration, "registration");
    }

    /**
     * Creates one tracking number. The shop must be visible to the caller and active, the number
     * valid after normalization, the carrier known; a number the shop already has is a
     * {@link ConflictException} carrying the existing id.
     */
    public TrackingNumber create(Caller caller, TrackingInput in) {
        Long shopId = in.shopId() != null ? in.shopId() : caller.scope();
        Validator v = new Validator();
        if (shopId == null) {
            v.add("shopId", "is required");
        }
        String problem = TrackingNumbers.problem(in.trackingNumber());
        if (problem != null) {
            v.add("trackingNumber", problem);
        }
        String source = in.source() == null || in.source().isBlank() ? "api" : in.source().trim().toLowerCase(Locale.ROOT);
        if (!SOURCE.matcher(source).matches()) {
            v.add("source", "must be 1 to 32 letters, digits, '_' or '-'");
        }
        if (in.shippedAt() != null && in.deliveredAt() != null && in.deliveredAt().isBefore(in.shippedAt())) {
            v.add("deliveredAt", "must not be before shippedAt");
        }
        Optional<Carrier> carrier = carriers.resolve(in.carrierCode());
        if (in.carrierCode() != null && !in.carrierCode().isBlank() && carrier.isEmpty()) {
            v.add("carrierCode", "no carrier with code or 17TRACK key '" + in.carrierCode().trim() + "'");
        }
        v.check();

        Shop shop = shops.findShop(shopId)
                .filter(s -> caller.canSee(s.id()))
                .orElseThrow(() -> new NotFoundException("shop", shopId));
        if (!shop.active()) {
            throw ValidationException.of("shopId", "shop is disabled and takes no new tracking numbers");
        }
        Long orderId = checkOrder(shop.id(), in.orderId());
        Long parcelId = checkParcel(orderId, in.parcelId());

        NewTrackingNumber number = new NewTrackingNumber(shop.id(), orderId, parcelId, in.trackingNumber(),
                carrier.map(Carrier::id).orElse(null), carrier.map(Carrier::trackKey).orElse(null), source,
                in.shippedAt(), in.deliveredAt());
        return switch (tracking.createTracking(number)) {
            case TrackingStore.Created created -> {
                registration.registerLater(List.of(created.tracking().id()));
                yield created.tracking();
            }
            case TrackingStore.Duplicate dup -> throw new ConflictException(
                    "tracking number " + number.number() + " already exists in this shop", dup.existingId());
        };
    }

    /** Deletes those of {@code ids} the caller may see; the others are reported as not found. */
    public DeleteResult delete(Caller caller, Collection<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw ValidationException.of("ids", "must name at least one tracking id");
        }
        if (ids.size() > MAX_DELETE) {
            throw ValidationException.of("ids", "must name at most " + MAX_DELETE + " tracking ids");
        }
        Set<Long> wanted = new LinkedHashSet<>();
        for (Long id : ids) {
            if (id == null || id < 1) {
                throw ValidationException.of("ids", "must be positive integers");
            }
            wanted.add(id);
        }
        List<Long> deleted = tracking.deleteTracking(caller.scope(), wanted);
        Set<Long> gone = Set.copyOf(deleted);
        List<Long> notFound = new ArrayList<>();
        for (Long id : wanted) {
            if (!gone.contains(id)) {
                notFound.add(id);
            }
        }
        return new DeleteResult(List.copyOf(deleted), notFound);
    }

    /** Lists numbers; a shop caller asking for another shop gets an empty page. */
    public Page<TrackingNumber> list(Caller caller, TrackingQuery query, PageRequest page) {
        if (query.updatedFrom() != null && query.updatedTo() != null && query.updatedFrom().isAfter(query.updatedTo())) {
            throw ValidationException.of("updatedFrom", "must not be after updatedTo");
        }
        String keyword = query.keyword() == null || query.keyword().isBlank() ? null
                : TrackingNumbers.normalize(query.keyword());
        if (keyword != null && keyword.length() > TrackingNumbers.MAX_LENGTH) {
            throw ValidationException.of("keyword", "must be at most " + TrackingNumbers.MAX_LENGTH + " characters");
        }
        if (keyword != null && !KEYWORD.matcher(keyword).matches()) {
            throw ValidationException.of("keyword", "may contain only letters, digits and hyphens, as tracking numbers do");
        }
        Long shopId = query.shopId();
        if (!caller.isAdmin()) {
            if (shopId != null && !shopId.equals(caller.shopId())) {
                return Page.of(List.of(), page, 0);
            }
            shopId = caller.shopId();
        }
        return tracking.listTracking(new TrackingQuery(shopId, query.status(), keyword, query.updatedFrom(),
                query.updatedTo()), page);
    }

    public TrackingNumber get(Caller caller, long id) {
        return tracking.findTracking(id)
                .filter(t -> caller.canSee(t.shopId()))
                .orElseThrow(() -> new NotFoundException("tracking number", id));
    }

    public TrackingDetail detail(Caller caller, long id) {
        TrackingNumber t = get(caller, id);
        Optional<Order> order = t.orderId() == null ? Optional.empty() : orders.findOrder(t.orderId());
        Optional<Parcel> parcel = t.parcelId() == null ? Optional.empty() : orders.findParcel(t.parcelId());
        Optional<Carrier> carrier = t.carrierId() != null ? carrierStore.findCarrier(t.carrierId())
                : t.carrierKey() != null ? carrierStore.findCarrierByKey(t.carrierKey()) : Optional.empty();
        return new TrackingDetail(t, order, parcel, carrier,
                events.listEvents(t.id(), PageRequest.of(1, DETAIL_EVENTS)));
    }

    /** Events of a number the caller may see, newest first. */
    public Page<TrackingEvent> events(Caller caller, long id, PageRequest page) {
        TrackingNumber t = get(caller, id);
        return events.listEvents(t.id(), page);
    }

    private Long checkOrder(long shopId, Long orderId) {
        if (orderId == null) {
            return null;
        }
        orders.findOrder(orderId)
                .filter(o -> o.shopId() == shopId)
                .orElseThrow(() -> ValidationException.of("orderId", "no order " + orderId + " in this shop"));
        return orderId;
    }

    private Long checkParcel(Long orderId, Long parcelId) {
        if (parcelId == null) {
            return null;
        }
        if (orderId == null) {
            throw ValidationException.of("orderId", "is required with parcelId");
        }
        Parcel parcel = orders.findParcel(parcelId)
                .orElseThrow(() -> ValidationException.of("parcelId", "no parcel " + parcelId + " in this shop"));
        if (parcel.orderId() != orderId) {
            throw ValidationException.of("parcelId", "no parcel " + parcelId + " in order " + orderId);
        }
        return parcelId;
    }
}
