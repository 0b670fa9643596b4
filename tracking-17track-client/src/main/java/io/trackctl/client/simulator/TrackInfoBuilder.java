package io.trackctl.client.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackctl.client.simulator.Plan.Carrier;
import io.trackctl.client.simulator.Plan.Event;
import io.trackctl.client.simulator.Plan.Place;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Renders what a plan looks like at a moment as a {@code track_info} object in the documented
 * shape: latest status and event, 9 milestones, providers newest first with their events newest
 * first, and hashes that change exactly when the visible events change.
 */
final class TrackInfoBuilder {

    static final List<String> KEY_STAGES = List.of("InfoReceived", "PickedUp", "Departure", "Arrival",
            "AvailableForPickup", "OutForDelivery", "Delivered", "Returning", "Returned");
    /** A shipment with no news for this long, and not finished, is shown as Expired. */
    static final Duration EXPIRES_AFTER = Duration.ofDays(20);

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneId.of("UTC"));
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

    private TrackInfoBuilder() {
    }

    /** The events visible at {@code at}, oldest first. */
    static List<Event> visible(Plan plan, Instant at) {
        return plan.events().stream().filter(e -> !e.at().isAfter(at)).toList();
    }

    /** The main and sub-status shown at {@code at}. */
    static String[] status(Plan plan, Instant at) {
        List<Event> seen = visible(plan, at);
        if (seen.isEmpty()) {
            return new String[] {"NotFound", "NotFound_Other"};
        }
        Event last = seen.getLast();
        boolean finished = seen.size() == plan.events().size() && plan.ending() != Plan.Ending.EXPIRED;
        if (!finished && !last.at().plus(EXPIRES_AFTER).isAfter(at)) {
            return new String[] {"Expired", "Expired_Other"};
        }
        return new String[] {mainOf(last.subStatus()), last.subStatus()};
    }

    static ObjectNode trackInfo(Plan plan, Instant at) {
        List<Event> seen = visible(plan, at);
        String[] status = status(plan, at);
        ObjectNode info = F.objectNode();
        ObjectNode shipping = info.putObject("shipping_info");
        shipping.set("shipper_address", address(plan.origin()));
        shipping.set("recipient_address", address(plan.destination()));
        ObjectNode latest = info.putObject("latest_status");
        latest.put("status", status[0]);
        latest.put("sub_status", status[1]);
        latest.putNull("sub_status_descr");
        if (seen.isEmpty()) {
            info.putNull("latest_event");
        } else {
            info.set("latest_event", event(seen.getLast()));
        }
        info.set("time_metrics", timeMetrics(plan, seen, at));
        info.set("milestone", milestones(seen));
        info.set("misc_info", misc(plan));
        info.set("tracking", tracking(plan, seen, at));
        return info;
    }

    private static ObjectNode timeMetrics(Plan plan, List<Event> seen, Instant at) {
        ObjectNode m = F.objectNode();
        m.putNull("days_after_order");
        if (seen.isEmpty()) {
            m.putNull("days_of_transit");
            m.putNull("days_of_transit_done");
            m.putNull("days_after_last_update");
        } else {
            long transit = Duration.between(seen.getFirst().at(), at).toDays();
            long done = Duration.between(seen.getFirst().at(), seen.getLast().at()).toDays();
            m.put("days_of_transit", transit);
            m.put("days_of_transit_done", done);
            m.put("days_after_last_update", Duration.between(seen.getLast().at(), at).toDays());
        }
        ObjectNode eta = m.putObject("estimated_delivery_date");
        if (seen.isEmpty()) {
            eta.putNull("source");
            eta.putNull("from");
            eta.putNull("to");
        } else {
            ZoneId zone = plan.destination().zone();
            ZonedDateTime first = seen.getFirst().at().atZone(zone).toLocalDate().atStartOfDay(zone);
            int days = plan.carriers().size() > 1 ? 9 : 2;
            eta.put("source", "17TRACK");
            eta.put("from", first.plusDays(days).format(ISO));
            eta.put("to", first.plusDays(days + 4).minusSeconds(1).format(ISO));
        }
        return m;
    }

    private static ArrayNode milestones(List<Event> seen) {
        ArrayNode list = F.arrayNode();
        for (String stage : KEY_STAGES) {
            ObjectNode m = list.addObject();
            m.put("key_stage", stage);
            Event reached = null;
            for (Event e : seen) {
                if (stage.equals(e.stage())) {
                    reached = e;
                }
            }
            if (reached == null) {
                m.putNull("time_iso");
                m.putNull("time_utc");
                ObjectNode raw = m.putObject("time_raw");
                raw.putNull("date");
                raw.putNull("time");
                raw.putNull("timezone");
            } else {
                putTimes(m, reached);
            }
        }
        return list;
    }

    private static ObjectNode misc(Plan plan) {
        ObjectNode m = F.objectNode();
        m.put("risk_factor", 0);
        boolean international = plan.carriers().size() > 1;
        if (international) {
            m.put("service_type", "ePacket");
        } else {
            m.putNull("service_type");
        }
        m.put("weight_raw", "0.45 kg");
        m.put("weight_kg", "0.45");
        m.put("pieces", "1");
        m.putNull("dimensions");
        m.putNull("customer_number");
        m.putNull("reference_number");
        if (international) {
            m.putNull("local_number");
            m.put("local_provider", plan.lastMile().name());
            m.put("local_key", plan.lastMile().key());
        } else {
            m.putNull("local_number");
            m.putNull("local_provider");
            m.put("local_key", 0);
        }
        return m;
    }

    private static ObjectNode tracking(Plan plan, List<Event> seen, Instant at) {
        ObjectNode t = F.objectNode();
        ArrayNode providers = F.arrayNode();
        List<Integer> hashes = new ArrayList<>();
        for (Carrier c : plan.carriers().reversed()) {
            List<Event> own = seen.stream().filter(e -> e.carrier().equals(c)).toList();
            if (own.isEmpty()) {
                continue;
            }
            ObjectNode p = providers.addObject();
            ObjectNode provider = p.putObject("provider");
            provider.put("key", c.key());
            provider.put("name", c.name());
            provider.put("alias", c.name());
            provider.put("tel", c.tel());
            provider.put("homepage", c.homepage());
            provider.put("country", c.country());
            p.put("provider_lang", "en");
            p.putNull("service_type");
            p.put("latest_sync_status", "Success");
            Instant sync = own.getLast().at().plus(Duration.ofMinutes(37));
            p.put("latest_sync_time", UTC.format(sync.isAfter(at) ? at : sync));
            int hash = eventsHash(own);
            hashes.add(hash);
            p.put("events_hash", hash);
            ArrayNode events = p.putArray("events");
            for (Event e : own.reversed()) {
                events.add(event(e));
            }
        }
        t.put("providers_hash", hashes.isEmpty() ? 0 : Objects.hash(hashes.toArray()));
        t.set("providers", providers);
        return t;
    }

    private static int eventsHash(List<Event> events) {
        int h = 17;
        for (Event e : events) {
            h = 31 * h + e.at().hashCode();
            h = 31 * h + e.description().hashCode();
            h = 31 * h + e.subStatus().hashCode();
        }
        return h;
    }

    static ObjectNode event(Event e) {
        ObjectNode n = F.objectNode();
        putTimes(n, e);
        n.put("description", e.description());
        n.put("location", e.place().location());
        if (e.stage() == null) {
            n.putNull("stage");
        } else {
            n.put("stage", e.stage());
        }
        n.put("sub_status", e.subStatus());
        n.set("address", address(e.place()));
        return n;
    }

    private static void putTimes(ObjectNode n, Event e) {
        ZonedDateTime local = e.at().atZone(e.place().zone());
        n.put("time_iso", local.format(ISO));
        n.put("time_utc", UTC.format(e.at()));
        ObjectNode raw = n.putObject("time_raw");
        raw.put("date", local.format(DATE));
        raw.put("time", local.format(TIME));
        raw.put("timezone", local.format(OFFSET));
    }

    private static ObjectNode address(Place p) {
        ObjectNode a = F.objectNode();
        a.put("country", p.country());
        a.put("state", p.state());
        a.put("city", p.city());
        a.putNull("street");
        a.put("postal_code", p.postalCode());
        ObjectNode c = a.putObject("coordinates");
        c.putNull("longitude");
        c.putNull("latitude");
        return a;
    }

    static String mainOf(String subStatus) {
        int underscore = subStatus.indexOf('_');
        return underscore < 0 ? subStatus : subStatus.substring(0, underscore);
    }
}
