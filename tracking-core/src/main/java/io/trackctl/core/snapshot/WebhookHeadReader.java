package io.trackctl.core.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads a push's {@link WebhookHead} in one pass of a streaming parser. Reading the whole push
 * into a tree and a snapshot (every event's texts and both of its times) was two thirds of what
 * webhook intake itself spent on a request thread; the head needs the event type, the number, the
 * carrier, one time per event and the providers hash, and steps over the rest without decoding
 * it. The scan of the bytes remains: on the 12 KB fixture the head takes about 70 % of the time of
 * the whole read (benchmarks/RESULTS.md, item 14).
 *
 * <p>It reads as {@link SnapshotReader#readWebhook(byte[])} does, which {@code
 * WebhookHeadProperties} checks on generated and damaged bodies:
 * <ul>
 *   <li>each value it keeps is read into a node and converted by the same helpers;</li>
 *   <li>a field given twice counts once, as it last appears, as in the tree;</li>
 *   <li>a field of the wrong kind (an array where an object belongs) counts as missing;</li>
 *   <li>the whole first JSON value is read before any check, so a body that is not JSON is
 *       refused as such whatever else is wrong with it, and what follows that value is ignored;</li>
 *   <li>the checks run in the same order, through the same methods.</li>
 * </ul>
 * One limit is checked only on text that is decoded: the longest string Jackson reads. A body that
 * could hold a string past it is read whole, so that it is refused as the tree refuses it.
 */
final class WebhookHeadReader {

    /** The longest string the shared mapper decodes; a skipped string is not held to it. */
    private static final int MAX_STRING_LENGTH =
            SnapshotReader.mapper().getFactory().streamReadConstraints().getMaxStringLength();

    private WebhookHeadReader() {
    }

    /** The head of a push read whole. */
    private static WebhookHead head(WebhookPayload p) {
        Snapshot s = p.snapshot();
        return new WebhookHead(p.type(), p.rawType(), p.number(), p.carrier(),
                s == null ? Snapshot.NO_EVENT : s.latestEventMillis(), s == null ? null : s.providersHash());
    }

    static WebhookHead read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedPayloadException("body is empty");
        }
        if (body.length > MAX_STRING_LENGTH) {
            // No encoding Jackson reads decodes n bytes to more than n characters.
            return head(SnapshotReader.readWebhook(body));
        }
        Root root;
        try (JsonParser p = SnapshotReader.mapper().createParser(body)) {
            root = root(p);
        } catch (IOException e) {
            throw new MalformedPayloadException("body is not valid JSON", e);
        }
        return root.head();
    }

    /** What the top-level object holds, read before any check. */
    private record Root(JsonNode event, Data data) {

        WebhookHead head() {
            String rawType = SnapshotReader.eventText(event);
            WebhookEventType type = SnapshotReader.eventType(rawType);
            if (data == null) {
                throw SnapshotReader.dataNotAnObject();
            }
            String number = SnapshotReader.number(data.number);
            Integer carrier = SnapshotReader.intOrNull(data.carrier);
            TrackInfo info = type == WebhookEventType.TRACKING_UPDATED ? data.trackInfo : null;
            Tracking tracking = info == null ? null : info.tracking;
            Instant newest = info == null ? null
                    : newer(info.latestEvent, tracking == null ? null : tracking.providersNewest);
            return new WebhookHead(type, rawType, number, carrier,
                    newest == null ? Snapshot.NO_EVENT : newest.toEpochMilli(),
                    tracking == null ? null : SnapshotReader.longOrNull(tracking.providersHash));
        }
    }

    /** {@code data}; null fields were missing. */
    private static final class Data {
        JsonNode number;
        JsonNode carrier;
        /** Null when missing or not an object. */
        TrackInfo trackInfo;
    }

    /** {@code data.track_info}: its latest event's time and its tracking. */
    private static final class TrackInfo {
        Instant latestEvent;
        /** Null when missing or not an object: no providers and no hash. */
        Tracking tracking;
    }

    /** {@code data.track_info.tracking}: the newest time of its providers' events, and its providers hash. */
    private static final class Tracking {
        Instant providersNewest;
        JsonNode providersHash;
    }

    private static Root root(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        if (first != JsonToken.START_OBJECT) {
            if (first != null) {
                // Read the whole value, as the tree does: a string's end is otherwise found only lazily.
                p.skipChildren();
                p.finishToken();
            }
            throw SnapshotReader.notAnObject();
        }
        JsonNode event = null;
        Data data = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "event" -> event = p.readValueAsTree();
                case "data" -> data = value == JsonToken.START_OBJECT ? data(p) : skipped(p);
                default -> p.skipChildren();
            }
        }
        return new Root(event, data);
    }

    private static Data data(JsonParser p) throws IOException {
        Data d = new Data();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "number" -> d.number = p.readValueAsTree();
                case "carrier" -> d.carrier = p.readValueAsTree();
                case "track_info" -> d.trackInfo = value == JsonToken.START_OBJECT ? trackInfo(p) : skipped(p);
                default -> p.skipChildren();
            }
        }
        return d;
    }

    private static TrackInfo trackInfo(JsonParser p) throws IOException {
        TrackInfo t = new TrackInfo();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "latest_event" -> t.latestEvent = value == JsonToken.START_OBJECT ? eventTime(p) : skipped(p);
                case "tracking" -> t.tracking = value == JsonToken.START_OBJECT ? tracking(p) : skipped(p);
                default -> p.skipChildren();
            }
        }
        return t;
    }

    private static Tracking tracking(JsonParser p) throws IOException {
        Tracking t = new Tracking();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "providers_hash" -> t.providersHash = p.readValueAsTree();
                case "providers" -> t.providersNewest = value == JsonToken.START_ARRAY
                        ? newestOf(p, WebhookHeadReader::providerNewest) : skipped(p);
                default -> p.skipChildren();
            }
        }
        return t;
    }

    /** Reads the object the parser is at the start of, to its end, into a time (or null). */
    @FunctionalInterface
    private interface ObjectTime {
        Instant read(JsonParser p) throws IOException;
    }

    /**
     * The newest time {@code element} reads of the objects in the array the parser is at the start
     * of (providers, or the events of one); an element that is not an object counts for nothing.
     */
    private static Instant newestOf(JsonParser p, ObjectTime element) throws IOException {
        Instant newest = null;
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY && token != null) {
            if (token == JsonToken.START_OBJECT) {
                newest = newer(newest, element.read(p));
            } else {
                p.skipChildren();
            }
        }
        return newest;
    }

    private static Instant providerNewest(JsonParser p) throws IOException {
        Instant newest = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("events")) {
                newest = value == JsonToken.START_ARRAY ? newestOf(p, WebhookHeadReader::eventTime) : skipped(p);
            } else {
                p.skipChildren();
            }
        }
        return newest;
    }

    /** The time of the event object the parser is at the start of (see {@link SnapshotReader#eventTime}). */
    private static Instant eventTime(JsonParser p) throws IOException {
        JsonNode utc = null;
        JsonNode local = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "time_utc" -> utc = p.readValueAsTree();
                case "time_iso" -> local = p.readValueAsTree();
                default -> p.skipChildren();
            }
        }
        return SnapshotReader.eventTime(utc, local);
    }

    /** Skips a value of the wrong kind, which counts as missing. */
    private static <T> T skipped(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    private static Instant newer(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }
}
