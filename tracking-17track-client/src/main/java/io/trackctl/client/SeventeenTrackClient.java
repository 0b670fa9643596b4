package io.trackctl.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.trackctl.client.model.Accepted;
import io.trackctl.client.model.BatchResult;
import io.trackctl.client.model.CarrierChanged;
import io.trackctl.client.model.ChangeCarrierRequest;
import io.trackctl.client.model.ChangeInfoRequest;
import io.trackctl.client.model.PageInfo;
import io.trackctl.client.model.Quota;
import io.trackctl.client.model.RealTimeRequest;
import io.trackctl.client.model.RegisterAccepted;
import io.trackctl.client.model.RegisterRequest;
import io.trackctl.client.model.Rejected;
import io.trackctl.client.model.TrackInfoItem;
import io.trackctl.client.model.TrackList;
import io.trackctl.client.model.TrackListItem;
import io.trackctl.client.model.TrackListQuery;
import io.trackctl.client.model.TrackRef;
import io.trackctl.core.port.RateLimiter;
import io.trackctl.core.port.TrackingGateway;
import io.trackctl.core.snapshot.Snapshot;
import io.trackctl.core.snapshot.SnapshotReader;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The 17TRACK API v2.2 over one {@link HttpClient}. Every list call is split into calls of at most
 * {@value #MAX_PER_CALL} numbers whose answers are merged; every HTTP call first takes a permit from
 * the {@link RateLimiter}. A call that fails as a whole throws {@link SeventeenTrackException};
 * numbers the service refused come back in {@code rejected}. Thread-safe.
 */
public final class SeventeenTrackClient implements TrackingGateway {

    /** The most numbers 17TRACK takes in one call. */
    public static final int MAX_PER_CALL = 40;

    private final SeventeenTrackConfig config;
    private final ApiTransport transport;

    /** A client sending through {@code http}, taking a permit from {@code limiter} before every call. */
    public SeventeenTrackClient(HttpClient http, SeventeenTrackConfig config, RateLimiter limiter) {
        this.config = Objects.requireNonNull(config, "config");
        this.transport = new ApiTransport(Objects.requireNonNull(http, "http"), config,
                Objects.requireNonNull(limiter, "limiter"));
    }

    /**
     * A client with its own HttpClient (connect timeout from the config) and the in-process rate
     * limiter shared by every client of this JVM that uses the same key.
     */
    public static SeventeenTrackClient create(SeventeenTrackConfig config) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
        return new SeventeenTrackClient(http, config, SlidingWindowRateLimiter.shared(config.apiKey(), config.requestsPerSecond()));
    }

    public SeventeenTrackConfig config() {
        return config;
    }

    // ---- TrackingGateway ----

    @Override
    public Registration register(List<NumberRef> numbers) {
        BatchResult<RegisterAccepted> result = registerAll(numbers.stream()
                .map(n -> RegisterRequest.of(n.number(), n.carrier())).toList());
        return new Registration(
                result.accepted().stream().map(a -> new NumberRef(a.number(), a.carrier())).toList(),
                result.rejected().stream().map(SeventeenTrackClient::rejection).toList());
    }

    @Override
    public Pull pull(List<NumberRef> numbers) {
        List<TrackRef> refs = numbers.stream().map(n -> new TrackRef(n.number(), n.carrier())).toList();
        BatchResult<Snapshot> result = batched("gettrackinfo", refs, item -> SnapshotReader.readTrackInfo(
                text(item, "number"), integer(item, "carrier"), text(item, "tag"), item.path("track_info")));
        return new Pull(result.accepted(), result.rejected().stream().map(SeventeenTrackClient::rejection).toList());
    }

    // ---- every v2.2 endpoint ----

    /** {@code /register}. A number already registered (-18019901) is counted as accepted. */
    public BatchResult<RegisterAccepted> registerAll(List<RegisterRequest> items) {
        BatchResult<RegisterAccepted> raw = batched("register", items, item -> {
            RegisterAccepted a = bind(item, RegisterAccepted.class);
            return new RegisterAccepted(a.origin(), a.number(), a.carrier(), a.email(), a.tag(), a.lang(), false);
        });
        List<RegisterAccepted> accepted = new ArrayList<>(raw.accepted());
        List<Rejected> rejected = new ArrayList<>();
        for (Rejected r : raw.rejected()) {
            if (r.code() == ApiError.ALREADY_REGISTERED.code()) {
                Integer carrier = r.carrier() != null ? r.carrier() : carrierOf(items, r.number());
                accepted.add(new RegisterAccepted(null, r.number(), carrier, null, r.tag(), null, true));
            } else {
                rejected.add(r);
            }
        }
        return new BatchResult<>(accepted, rejected);
    }

    /** {@code /changecarrier}. */
    public BatchResult<CarrierChanged> changeCarrier(List<ChangeCarrierRequest> items) {
        return batched("changecarrier", items, item -> bind(item, CarrierChanged.class));
    }

    /** {@code /changeinfo}: the new values travel inside {@code items}. */
    public BatchResult<Accepted> changeInfo(List<ChangeInfoRequest> items) {
        return batched("changeinfo", items, item -> bind(item, Accepted.class));
    }

    /** {@code /stoptrack}: no more polling or pushes for these numbers. */
    public BatchResult<Accepted> stopTrack(List<TrackRef> numbers) {
        return batched("stoptrack", numbers, item -> bind(item, Accepted.class));
    }

    /** {@code /retrack}: restart stopped numbers (once per number). */
    public BatchResult<Accepted> retrack(List<TrackRef> numbers) {
        return batched("retrack", numbers, item -> bind(item, Accepted.class));
    }

    /** {@code /deletetrack}: remove the records; registering again costs quota again. */
    public BatchResult<Accepted> deleteTrack(List<TrackRef> numbers) {
        return batched("deletetrack", numbers, item -> bind(item, Accepted.class));
    }

    /** {@code /push}: ask for the current state to be pushed to the webhook again. */
    public BatchResult<Accepted> push(List<TrackRef> numbers) {
        return batched("push", numbers, item -> bind(item, Accepted.class));
    }

    /** {@code /gettrackinfo}: the full {@code track_info} of each number. */
    public BatchResult<TrackInfoItem> getTrackInfo(List<TrackRef> numbers) {
        return batched("gettrackinfo", numbers, item -> bind(item, TrackInfoItem.class));
    }

    /** {@code /getRealTimeTrackInfo}: a live carrier query that costs quota. */
    public BatchResult<TrackInfoItem> getRealTimeTrackInfo(List<RealTimeRequest> items) {
        return batched("getRealTimeTrackInfo", items, item -> bind(item, TrackInfoItem.class));
    }

    /** {@code /getquota}. */
    public Quota getQuota() {
        JsonNode root = transport.call("getquota", List.of());
        return bind(root.path("data"), Quota.class);
    }

    /** {@code /gettracklist}: one page (40 per page) of registered numbers matching the filter. */
    public TrackList getTrackList(TrackListQuery query) {
        JsonNode root = transport.call("gettracklist", query);
        PageInfo page = root.hasNonNull("page") ? bind(root.get("page"), PageInfo.class) : null;
        List<TrackListItem> items = new ArrayList<>();
        for (JsonNode item : root.path("data").path("accepted")) {
            items.add(bind(item, TrackListItem.class));
        }
        return new TrackList(page, items);
    }

    // ---- plumbing ----

    private interface ItemMapper<A> {
        A map(JsonNode item);
    }

    private <A> BatchResult<A> batched(String endpoint, List<?> items, ItemMapper<A> mapper) {
        BatchResult<A> merged = BatchResult.empty();
        for (int from = 0; from < items.size(); from += MAX_PER_CALL) {
            List<?> chunk = items.subList(from, Math.min(items.size(), from + MAX_PER_CALL));
            JsonNode root = transport.call(endpoint, chunk);
            JsonNode data = root.path("data");
            List<A> accepted = new ArrayList<>();
            for (JsonNode item : data.path("accepted")) {
                accepted.add(mapper.map(item));
            }
            List<Rejected> rejected = new ArrayList<>();
            for (JsonNode item : data.path("rejected")) {
                rejected.add(bind(item, Rejected.class));
            }
            merged = merged.merge(new BatchResult<>(accepted, rejected));
        }
        return merged;
    }

    private static <T> T bind(JsonNode node, Class<T> type) {
        try {
            return WireJson.bind(node, type);
        } catch (JsonProcessingException e) {
            throw new SeventeenTrackException(SeventeenTrackException.Kind.MALFORMED_RESPONSE, 200, 0,
                    "17TRACK answer does not fit " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static Rejection rejection(Rejected r) {
        return new Rejection(r.number(), r.carrier(), r.code(), r.error() == null ? null : r.error().message());
    }

    private static Integer carrierOf(List<RegisterRequest> items, String number) {
        return items.stream().filter(i -> i.number().equalsIgnoreCase(number)).map(RegisterRequest::carrier)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return n.asInt();
        }
        try {
            return Integer.valueOf(n.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "SeventeenTrackClient[" + config + "]";
    }
}
