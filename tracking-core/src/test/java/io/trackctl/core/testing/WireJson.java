package io.trackctl.core.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackctl.core.snapshot.ProviderTrack;
import io.trackctl.core.snapshot.Snapshot;
import io.trackctl.core.snapshot.SnapshotEvent;
import io.trackctl.core.snapshot.WebhookPayload;
import io.trackctl.core.status.Stage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/**
 * Renders a {@link WebhookPayload} as the JSON 17TRACK pushes (API.md sections 3 and 5.2): the same
 * field names and nesting as the fixtures, including the parts trackctl ignores (shipping_info,
 * time_metrics, milestone, misc_info, time_raw, address). Reading the bytes back with
 * {@code SnapshotReader.readWebhook} gives a payload equal to the one rendered.
 */
public final class WireJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private WireJson() {
    }

    /** Compact UTF-8 JSON bytes of the push. */
    public static byte[] bytes(WebhookPayload payload) {
        try {
            return MAPPER.writeValueAsBytes(tree(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pretty-printed JSON of the push (for fixtures and debugging). */
    public static String pretty(WebhookPayload payload) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The push as a tree, to modify before rendering (e.g. to send numbers as strings). */
    public static ObjectNode tree(WebhookPayload payload) {
        ObjectNode root = F.objectNode();
        root.put("event", payload.rawType() != null ? payload.rawType() : payload.type().name());
        ObjectNode data = root.putObject("data");
        data.put("number", payload.number());
        data.put("carrier", payload.carrier());
        data.putNull("param");
        data.put("tag", payload.tag());
        if (payload.snapshot() != null) {
            data.set("track_info", trackInfo(payload.snapshot()));
        }
        return root;
    }

    /** A {@code track_info} object. */
    public static ObjectNode trackInfo(Snapshot s) {
        ObjectNode ti = F.objectNode();
        ObjectNode shipping = ti.putObject("shipping_info");
        shipping.set("shipper_address", address(null, null));
        shipping.set("recipient_address", address(null, null));
        ObjectNode status = ti.putObject("latest_status");
        status.put("status", s.status().rawMain());
        status.put("sub_status", s.status().rawSub());
        status.putNull("sub_status_descr");
        ti.set("latest_event", s.latestEvent() == null ? F.nullNode() : event(s.latestEvent(), null));
        ObjectNode metrics = ti.putObject("time_metrics");
        metrics.putNull("days_after_order");
        metrics.putNull("days_of_transit");
        metrics.putNull("days_of_transit_done");
        metrics.putNull("days_after_last_update");
        ObjectNode edd = metrics.putObject("estimated_delivery_date");
        edd.putNull("source");
        edd.putNull("from");
        edd.putNull("to");
        ti.set("milestone", milestones(s.events()));
        ObjectNode misc = ti.putObject("misc_info");
        misc.put("risk_factor", 0);
        for (String f : List.of("service_type", "weight_raw", "weight_kg", "pieces", "dimensions", "customer_number",
                "reference_number", "local_number", "local_provider")) {
            misc.putNull(f);
        }
        misc.put("local_key", 0);
        ObjectNode tracking = ti.putObject("tracking");
        tracking.put("providers_hash", s.providersHash());
        ArrayNode providers = tracking.putArray("providers");
        for (ProviderTrack p : s.providers()) {
            providers.add(provider(p));
        }
        return ti;
    }

    private static ObjectNode provider(ProviderTrack p) {
        ObjectNode n = F.objectNode();
        ObjectNode who = n.putObject("provider");
        who.put("key", p.key());
        who.put("name", p.name());
        who.put("alias", p.name());
        who.putNull("tel");
        who.putNull("homepage");
        who.put("country", p.country());
        n.put("provider_lang", "en");
        n.putNull("service_type");
        n.put("latest_sync_status", "Success");
        n.put("latest_sync_time", p.latestSyncTime() == null ? null : UTC.format(p.latestSyncTime()));
        n.put("events_hash", p.eventsHash());
        ArrayNode events = n.putArray("events");
        for (SnapshotEvent e : p.events()) {
            events.add(event(e, p.country()));
        }
        return n;
    }

    private static ObjectNode event(SnapshotEvent e, String country) {
        ObjectNode n = F.objectNode();
        OffsetDateTime local = e.localTime();
        n.put("time_iso", local == null ? null : ISO_LOCAL.format(local));
        n.put("time_utc", UTC.format(e.timeUtc()));
        ObjectNode raw = n.putObject("time_raw");
        OffsetDateTime shown = local != null ? local : e.timeUtc().atOffset(ZoneOffset.UTC);
        raw.put("date", DATE.format(shown));
        raw.put("time", TIME.format(shown));
        raw.put("timezone", local == null ? null : local.getOffset().getId().replace("Z", "+00:00"));
        n.put("description", e.description());
        n.put("location", e.location());
        n.put("stage", e.rawStage());
        n.put("sub_status", e.rawSubStatus());
        n.set("address", address(country, e.location()));
        return n;
    }

    private static ObjectNode address(String country, String city) {
        ObjectNode a = F.objectNode();
        a.put("country", country);
        a.putNull("state");
        a.put("city", city);
        a.putNull("street");
        a.putNull("postal_code");
        ObjectNode c = a.putObject("coordinates");
        c.putNull("longitude");
        c.putNull("latitude");
        return a;
    }

    /** The 9 milestones in documented order, each from the earliest event with that stage. */
    private static ArrayNode milestones(List<SnapshotEvent> events) {
        ArrayNode arr = F.arrayNode();
        for (Stage stage : Stage.values()) {
            if (stage == Stage.UNKNOWN) {
                continue;
            }
            SnapshotEvent first = events.stream()
                    .filter(e -> e.stage() == stage)
                    .min(Comparator.comparing(SnapshotEvent::timeUtc))
                    .orElse(null);
            ObjectNode m = arr.addObject();
            m.put("key_stage", stage.wire());
            Instant t = first == null ? null : first.timeUtc();
            OffsetDateTime local = first == null ? null
                    : first.localTime() != null ? first.localTime() : t.atOffset(ZoneOffset.UTC);
            m.put("time_iso", local == null ? null : ISO_LOCAL.format(local));
            m.put("time_utc", t == null ? null : UTC.format(t));
            ObjectNode raw = m.putObject("time_raw");
            raw.put("date", local == null ? null : DATE.format(local));
            raw.put("time", local == null ? null : TIME.format(local));
            raw.put("timezone", local == null ? null : local.getOffset().getId().replace("Z", "+00:00"));
        }
        return arr;
    }
}
