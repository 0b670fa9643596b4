package io.trackctl.server.resource;

import io.trackctl.core.model.Carrier;
import io.trackctl.core.model.Credential;
import io.trackctl.core.model.Order;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.Parcel;
import io.trackctl.core.model.Shop;
import io.trackctl.core.model.TrackingEvent;
import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.rules.TrackingState;
import io.trackctl.core.status.MainStatus;
import io.trackctl.core.status.SubStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/** The JSON shapes the API answers with; built from domain records, never exposing a secret. */
final class Views {

    private Views() {
    }

    /** A list page as {@code {items, page, pageSize, total}}. */
    record PageView<T>(List<T> items, int page, int pageSize, long total) {
        static <A, T> PageView<T> of(Page<A> page, java.util.function.Function<A, T> f) {
            return new PageView<>(page.items().stream().map(f).toList(), page.page(), page.pageSize(), page.total());
        }
    }

    /** Whether a credential is stored and, for long ones, its last four characters. */
    record CredentialView(boolean set, String last4) {
        static CredentialView of(Credential c) {
            if (c == null) {
                return new CredentialView(false, null);
            }
            String hint = c.hint() == null || c.hint().isEmpty() ? null
                    : c.hint().substring(Math.max(0, c.hint().length() - 4));
            return new CredentialView(true, hint);
        }
    }

    record CredentialsView(CredentialView apiKey, CredentialView apiSecret, CredentialView accessToken) {
    }

    record ShopView(long id, String shopName, String platform, String storeUrl, String timezone, String status,
                    CredentialsView credentials, Instant createdAt, Instant updatedAt) {
        static ShopView of(Shop s) {
            return new ShopView(s.id(), s.name(), s.platform(), s.storeUrl(), s.timezone(),
                    s.status().name().toLowerCase(Locale.ROOT),
                    new CredentialsView(CredentialView.of(s.apiKey()), CredentialView.of(s.apiSecret()),
                            CredentialView.of(s.accessToken())),
                    s.createdAt(), s.updatedAt());
        }
    }

    record CarrierView(long id, String code, String name, Integer trackKey, String country, String homepage,
                       Instant createdAt, Instant updatedAt) {
        static CarrierView of(Carrier c) {
            return new CarrierView(c.id(), c.code(), c.name(), c.trackKey(), c.country(), c.homepage(),
                    c.createdAt(), c.updatedAt());
        }
    }

    record ParcelView(long id, long orderId, String parcelNo, Instant createdAt) {
        static ParcelView of(Parcel p) {
            return new ParcelView(p.id(), p.orderId(), p.parcelNo(), p.createdAt());
        }
    }

    record OrderView(long id, long shopId, String externalId, String orderNumber, Instant orderedAt,
                     Instant createdAt, Instant updatedAt) {
        static OrderView of(Order o) {
            return new OrderView(o.id(), o.shopId(), o.externalId(), o.orderNumber(), o.orderedAt(), o.createdAt(),
                    o.updatedAt());
        }
    }

    record OrderDetailView(long id, long shopId, String externalId, String orderNumber, Instant orderedAt,
                           Instant createdAt, Instant updatedAt, List<ParcelView> parcels) {
    }

    /** The latest status of a tracking number: 17TRACK's main and sub-status as spelled on the wire. */
    record StatusView(String status, String subStatus, String rawStatus, Instant latestEventAt,
                      String latestEventText, String latestEventLocation, boolean trackingStopped) {
        static StatusView of(TrackingState s) {
            return new StatusView(main(s.status().main(), s.status().rawMain()), sub(s.status().sub(), s.status().rawSub()),
                    s.status().raw(), s.latestEventAt(), s.latestEventText(), s.latestEventLocation(),
                    s.trackingStopped());
        }

        private static String main(MainStatus m, String raw) {
            return m.wire() != null ? m.wire() : raw;
        }

        private static String sub(SubStatus s, String raw) {
            return s == SubStatus.UNKNOWN ? raw : s.wire();
        }
    }

    record TrackingView(long id, long shopId, Long orderId, Long parcelId, String trackingNumber, Long carrierId,
                        Integer carrierKey, String source, StatusView latestStatus, Instant shippedAt,
                        Instant deliveredAt, String registration, String registrationError, Instant lastSyncAt,
                        Instant createdAt, Instant updatedAt) {
        static TrackingView of(TrackingNumber t) {
            return new TrackingView(t.id(), t.shopId(), t.orderId(), t.parcelId(), t.number(), t.carrierId(),
                    t.carrierKey(), t.source(), StatusView.of(t.state()), t.shippedAt(), t.state().deliveredAt(),
                    t.registration() == null ? null : t.registration().name().toLowerCase(Locale.ROOT),
                    t.registrationError(), t.lastSyncAt(), t.createdAt(), t.updatedAt());
        }
    }

    record EventView(long id, Instant timeUtc, OffsetDateTime localTime, String description, String location,
                     String stage, String subStatus, int provider) {
        static EventView of(TrackingEvent e) {
            return new EventView(e.id(), e.timeUtc(), e.localTime(), e.description(), e.location(), e.stage(),
                    e.subStatus(), e.providerKey());
        }
    }

    record TrackingDetailView(TrackingView tracking, OrderView order, ParcelView parcel, CarrierView carrier,
                              StatusView latestStatus, PageView<EventView> events) {
    }
}
