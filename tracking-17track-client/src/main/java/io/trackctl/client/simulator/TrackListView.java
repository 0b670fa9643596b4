package io.trackctl.client.simulator;

import static io.trackctl.client.simulator.SimState.integer;
import static io.trackctl.client.simulator.SimState.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackctl.core.snapshot.TrackingNumbers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/** {@code /gettracklist}: filters, 40 per page, and the item fields of the documented example. */
final class TrackListView {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private TrackListView() {
    }

    static ObjectNode page(List<Shipment> shipments, JsonNode query, Instant now) {
        List<String> wanted = query.hasNonNull("number")
                ? Arrays.stream(query.get("number").asText().split(",")).map(TrackingNumbers::normalize)
                        .filter(n -> !n.isEmpty()).toList()
                : null;
        String trackingStatus = text(query, "tracking_status");
        String packageStatus = text(query, "package_status");
        String pushStatus = text(query, "push_status");
        Integer carrier = integer(query, "carrier");
        List<Shipment> matching = shipments.stream()
                .filter(s -> wanted == null || wanted.contains(s.number))
                .filter(s -> carrier == null || carrier == s.carrier)
                .filter(s -> trackingStatus == null || trackingStatus.equalsIgnoreCase(s.tracking ? "Tracking" : "Stopped"))
                .filter(s -> packageStatus == null
                        || packageStatus.equalsIgnoreCase(TrackInfoBuilder.status(s.plan, now)[0]))
                .filter(s -> pushStatus == null || pushStatus.equalsIgnoreCase(s.pushStatus))
                .toList();
        int pageNo = Math.max(1, integer(query, "page_no") == null ? 1 : integer(query, "page_no"));
        int total = matching.size();
        ObjectNode root = F.objectNode();
        ObjectNode page = root.putObject("page");
        page.put("data_total", total);
        page.put("page_total", (total + SimState.MAX_ITEMS - 1) / SimState.MAX_ITEMS);
        page.put("page_no", pageNo);
        page.put("page_size", SimState.MAX_ITEMS);
        root.put("code", 0);
        ArrayNode accepted = root.putObject("data").putArray("accepted");
        matching.stream().skip((long) (pageNo - 1) * SimState.MAX_ITEMS).limit(SimState.MAX_ITEMS)
                .forEach(s -> accepted.add(item(s, now)));
        return root;
    }

    private static ObjectNode item(Shipment s, Instant now) {
        List<Plan.Event> seen = TrackInfoBuilder.visible(s.plan, now);
        String[] status = TrackInfoBuilder.status(s.plan, now);
        ObjectNode i = F.objectNode();
        i.put("number", s.number);
        i.put("param", s.info.get("param"));
        i.put("param_type", "None");
        i.put("data_origin", "Api");
        i.put("carrier", s.carrier);
        i.put("shipping_country", s.plan.origin().country());
        i.put("final_carrier", 0);
        i.put("recipient_country", s.plan.destination().country());
        i.put("register_time", WIRE_TIME.format(s.registeredAt));
        i.put("tracking_status", s.tracking ? "Tracking" : "Stopped");
        i.put("package_status", status[0]);
        i.put("track_time", WIRE_TIME.format(now));
        i.put("push_time", s.pushTime == null ? null : WIRE_TIME.format(s.pushTime));
        i.put("push_status", s.pushStatus);
        i.put("push_status_code", s.pushStatusCode);
        i.put("stop_track_time", s.stoppedAt == null ? null : WIRE_TIME.format(s.stoppedAt));
        i.put("stop_track_reason", s.stopReason);
        i.put("is_retracked", s.retracked);
        i.put("carrier_change_count", s.carrierChanges);
        i.put("tag", s.tag());
        i.put("email", s.info.get("email"));
        i.put("order_no", s.info.get("order_no"));
        i.put("order_time", s.info.get("order_time"));
        i.put("lang", s.info.get("lang"));
        i.put("remark", s.info.get("remark"));
        i.put("latest_event_time", seen.isEmpty() ? null : WIRE_TIME.format(seen.getLast().at()));
        i.put("latest_event_info", seen.isEmpty() ? null : seen.getLast().description());
        // The documented example spells these keys with a trailing space and "delievery"; so does this one.
        i.putNull("days_after_order ");
        i.put("days_after_last_update", seen.isEmpty() ? null : Duration.between(seen.getLast().at(), now).toDays());
        i.put("days_of_transit", seen.isEmpty() ? null : Duration.between(seen.getFirst().at(), now).toDays());
        i.put("days_of_transit_done", seen.isEmpty() ? null
                : Duration.between(seen.getFirst().at(), seen.getLast().at()).toDays());
        String delivered = seen.stream().filter(e -> "Delivered".equals(e.stage())).map(e -> WIRE_TIME.format(e.at()))
                .findFirst().orElse(null);
        i.put("delievery_time", delivered);
        String pickup = seen.stream().filter(e -> "PickedUp".equals(e.stage())).map(e -> WIRE_TIME.format(e.at()))
                .findFirst().orElse(null);
        i.put("pickup_time", pickup);
        return i;
    }

}
