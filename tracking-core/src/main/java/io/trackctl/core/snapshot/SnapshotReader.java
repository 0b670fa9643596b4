package io.trackctl.core.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.trackctl.core.status.Stage;
import io.trackctl.core.status.SubStatus;
import io.trackctl.core.status.TrackStatus;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads 17TRACK pushes and {@code track_info} objects leniently: unknown fields are ignored,
 * numbers sent as strings are accepted, missing parts become null. Only a body that is not JSON,
 * or JSON without the fields a push must have, is refused with {@link MalformedPayloadException}.
 * Thread-safe.
 */
public final class SnapshotReader {

    /**
     * Left at Jackson's defaults otherwise, which {@link WebhookHeadReader} relies on to read as the
     * tree does (checked in {@code WebhookHeadProperties}): content after the first value is
     * ignored, a key given twice keeps its last value without an error, and a null value is kept
     * as a null node.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SnapshotReader() {
    }

    /** Parses a webhook body. Throws {@link MalformedPayloadException} when it is not a 17TRACK push. */
    public static WebhookPayload readWebhook(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedPayloadException("body is empty");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new MalformedPayloadException("body is not valid JSON", e);
        }
        return readWebhook(root);
    }

    /** Parses a webhook already read as a tree. */
    public static WebhookPayload readWebhook(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw notAnObject();
        }
        String rawType = eventText(root.get("event"));
        WebhookEventType type = eventType(rawType);
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw dataNotAnObject();
        }
        String number = number(data.get("number"));
        Integer carrier = intOrNull(data.get("carrier"));
        String tag = text(data.get("tag"));
        Snapshot snapshot = null;
        JsonNode trackInfo = data.get("track_info");
        if (type == WebhookEventType.TRACKING_UPDATED && trackInfo != null && trackInfo.isObject()) {
            snapshot = readTrackInfo(number, carrier, tag, trackInfo);
        }
        return new WebhookPayload(type, rawType, number, carrier, tag, snapshot);
    }

    /**
     * Reads only what webhook intake needs of a push (see {@link WebhookHead}), in one pass over the
     * bytes, without building the snapshot. It refuses a body exactly when {@link #readWebhook(byte[])}
     * does, with the same message, and for every body both read, the head holds what that method's
     * payload holds (the dedupe key made of either is the same).
     */
    public static WebhookHead readWebhookHead(byte[] body) {
        return WebhookHeadReader.read(body);
    }

    // The checks a push must pass, shared with WebhookHeadReader so that both refuse alike.

    static MalformedPayloadException notAnObject() {
        return new MalformedPayloadException("body must be a JSON object with 'event' and 'data'");
    }

    static MalformedPayloadException dataNotAnObject() {
        return new MalformedPayloadException("'data' must be an object");
    }

    /** The event type as sent; refused when missing, not text, or blank. */
    static String eventText(JsonNode event) {
        if (event == null || !event.isTextual() || event.asText().isBlank()) {
            throw new MalformedPayloadException("'event' is missing");
        }
        return event.asText();
    }

    static WebhookEventType eventType(String rawType) {
        WebhookEventType type = WebhookEventType.parse(rawType);
        if (type == WebhookEventType.UNKNOWN) {
            throw new MalformedPayloadException("unknown event type '" + clip(rawType) + "'");
        }
        return type;
    }

    /** {@code data.number} as text; refused when missing or blank. */
    static String number(JsonNode n) {
        String number = text(n);
        if (number == null || number.isBlank()) {
            throw new MalformedPayloadException("'data.number' is missing");
        }
        return number;
    }

    /**
     * Parses one {@code track_info} object (from a push or a gettrackinfo item). A null or non-object
     * {@code trackInfo} reads like an empty object: a snapshot with no status and no events.
     */
    public static Snapshot readTrackInfo(String number, Integer carrier, String tag, JsonNode trackInfo) {
        if (trackInfo == null || !trackInfo.isObject()) {
            trackInfo = MAPPER.createObjectNode();
        }
        JsonNode latestStatus = trackInfo.path("latest_status");
        TrackStatus status = TrackStatus.parse(text(latestStatus.get("status")), text(latestStatus.get("sub_status")));
        SnapshotEvent latestEvent = event(trackInfo.get("latest_event"), carrier == null ? 0 : carrier);

        JsonNode tracking = trackInfo.path("tracking");
        List<ProviderTrack> providers = new ArrayList<>();
        for (JsonNode p : iterable(tracking.get("providers"))) {
            JsonNode provider = p.path("provider");
            int key = intOr(provider.get("key"), 0);
            List<SnapshotEvent> events = new ArrayList<>();
            for (JsonNode e : iterable(p.get("events"))) {
                SnapshotEvent ev = event(e, key);
                if (ev != null) {
                    events.add(ev);
                }
            }
            providers.add(new ProviderTrack(key, text(provider.get("name")), text(provider.get("country")),
                    longOrNull(p.get("events_hash")), instant(p.get("latest_sync_time")), events));
        }
        return new Snapshot(number, carrier, tag, status, latestEvent, providers,
                longOrNull(tracking.get("providers_hash")));
    }

    /** Parses any JSON text into a tree with the same lenient settings. */
    public static JsonNode tree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new MalformedPayloadException("not valid JSON", e);
        }
    }

    /** The shared lenient mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** An event, or null when it carries no usable time (it could be neither ordered nor deduplicated). */
    private static SnapshotEvent event(JsonNode e, int providerKey) {
        if (e == null || !e.isObject()) {
            return null;
        }
        OffsetDateTime local = offsetDateTime(e.get("time_iso"));
        Instant utc = eventTime(e.get("time_utc"), e.get("time_iso"));
        if (utc == null) {
            return null;
        }
        String location = text(e.get("location"));
        if (location == null) {
            location = addressText(e.get("address"));
        }
        String rawStage = text(e.get("stage"));
        String rawSub = text(e.get("sub_status"));
        return new SnapshotEvent(utc, local, text(e.get("description")), location, Stage.parse(rawStage), rawStage,
                SubStatus.parse(rawSub), rawSub, providerKey);
    }

    /**
     * An event's time: its {@code time_utc}, or its local time ({@code time_iso}) when that is
     * missing or unreadable; null when neither gives a usable instant. The local time is read only
     * when it is needed.
     */
    static Instant eventTime(JsonNode timeUtc, JsonNode timeIso) {
        Instant utc = instant(timeUtc);
        if (utc != null) {
            return utc;
        }
        OffsetDateTime local = offsetDateTime(timeIso);
        return local == null ? null : usable(local.toInstant());
    }

    private static String addressText(JsonNode address) {
        if (address == null || !address.isObject()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String f : new String[] {"city", "state", "country"}) {
            String v = text(address.get(f));
            if (v != null && !v.isBlank()) {
                parts.add(v);
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    static Instant instant(JsonNode n) {
        String s = text(n);
        if (s == null || s.isBlank()) {
            return null;
        }
        return usable(parseInstant(s.trim()));
    }

    private static Instant parseInstant(String s) {
        OffsetDateTime fast = IsoTimes.offsetDateTime(s);
        if (fast != null) {
            return fast.toInstant();
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException e) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e2) {
                try {
                    return Instant.parse(s);
                } catch (DateTimeException e3) {
                    return null;
                }
            }
        }
    }

    /** Null for an instant too far out to count in epoch milliseconds, which every key and rank uses. */
    private static Instant usable(Instant t) {
        if (t == null) {
            return null;
        }
        try {
            t.toEpochMilli();
            return t;
        } catch (ArithmeticException e) {
            return null;
        }
    }

    static OffsetDateTime offsetDateTime(JsonNode n) {
        String s = text(n);
        if (s == null || s.isBlank()) {
            return null;
        }
        String trimmed = s.trim();
        OffsetDateTime fast = IsoTimes.offsetDateTime(trimmed);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(trimmed);
        } catch (DateTimeException e) {
            return null;
        }
    }

    static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode() || n.isContainerNode()) {
            return null;
        }
        return n.asText();
    }

    static Integer intOrNull(JsonNode n) {
        Long l = longOrNull(n);
        return l == null || l > Integer.MAX_VALUE || l < Integer.MIN_VALUE ? null : l.intValue();
    }

    static int intOr(JsonNode n, int fallback) {
        Integer i = intOrNull(n);
        return i == null ? fallback : i;
    }

    static Long longOrNull(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isTextual()) {
            try {
                return Long.parseLong(n.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (n.isNumber()) {
            return n.longValue();
        }
        return null;
    }

    private static Iterable<JsonNode> iterable(JsonNode n) {
        return n != null && n.isArray() ? n : List.of();
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /** For callers that need to render JSON with the same mapper. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }
}
