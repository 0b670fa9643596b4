package io.trackctl.client.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackctl.core.snapshot.TrackingNumbers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulated account: registered numbers, quota and the simulated clock, with one method per
 * endpoint. Every method runs under this object's lock, so requests see a consistent state.
 */
final class SimState {

    static final int MAX_ITEMS = 40;
    static final int MAX_CARRIER_CHANGES = 5;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> CHANGEABLE = Set.of("tag", "order_no", "order_time", "email", "remark", "lang",
            "param");

    /** A push the caller should send once the lock is released. */
    record Outgoing(String number, String event, byte[] body) {
    }

    private final Map<String, Shipment> shipments = new LinkedHashMap<>();
    private final HistoryGenerator generator;
    private final long quotaTotal;
    private final boolean webhookConfigured;
    private Instant now;
    private long quotaUsed;
    private long todayUsed;

    SimState(SimulatorConfig config) {
        this.generator = new HistoryGenerator(config.seed());
        this.quotaTotal = config.quotaTotal();
        this.webhookConfigured = config.webhookUrl() != null;
        this.now = config.startTime();
    }

    synchronized Instant now() {
        return now;
    }

    synchronized List<String> numbers() {
        return List.copyOf(shipments.keySet());
    }

    // ---- endpoints ----

    synchronized ObjectNode register(ArrayNode items) {
        ArrayNode accepted = F.arrayNode();
        ArrayNode rejected = F.arrayNode();
        for (JsonNode item : items) {
            String number = number(item);
            String tag = text(item, "tag");
            if (number == null) {
                rejected.add(Envelopes.rejection(null, tag, -18010010, "The data item 'number' is missing."));
                continue;
            }
            if (!TrackingNumbers.isValid(number)) {
                rejected.add(Envelopes.rejection(number, tag, -18010012, "The format of '" + number + "' is invalid."));
                continue;
            }
            if (shipments.containsKey(number)) {
                rejected.add(Envelopes.rejection(number, tag, -18019901,
                        "Tracking number '" + number + "' is already registered."));
                continue;
            }
            if (quotaUsed >= quotaTotal) {
                rejected.add(Envelopes.rejection(number, tag, -18019908, "The quota is used up."));
                continue;
            }
            Integer given = integer(item, "carrier");
            int carrier = given != null && given > 0 ? given : CarrierDetection.detect(number);
            if (carrier == 0) {
                rejected.add(Envelopes.rejection(number, tag, -18019903,
                        "The carrier cannot be detected. Pass a carrier code from the carrier list."));
                continue;
            }
            Shipment s = new Shipment(number, carrier, now, generator.plan(number, carrier, now));
            for (String field : CHANGEABLE) {
                String v = text(item, field);
                if (v != null) {
                    s.info.put(field, v);
                }
            }
            shipments.put(number, s);
            quotaUsed++;
            todayUsed++;
            ObjectNode a = accepted.addObject();
            a.put("origin", given != null && given > 0 ? 2 : 1);
            a.put("number", number);
            a.put("carrier", carrier);
            a.put("email", s.info.get("email"));
            a.put("tag", tag);
            a.put("lang", s.info.get("lang"));
        }
        return Envelopes.ok(accepted, rejected);
    }

    synchronized ObjectNode changeCarrier(ArrayNode items) {
        return perItem(items, (s, item, accepted, rejected) -> {
            Integer oldCarrier = integer(item, "carrier_old");
            Integer newCarrier = integer(item, "carrier_new");
            if (newCarrier == null && integer(item, "final_carrier_new") == null) {
                return reject(rejected, s, -18019804, "Give carrier_new or final_carrier_new.");
            }
            if (newCarrier == null || newCarrier <= 0) {
                return reject(rejected, s, -18019802, "carrier_new '" + newCarrier + "' is not a valid carrier.");
            }
            if (oldCarrier != null && oldCarrier != s.carrier) {
                return reject(rejected, s, -18019805, "The number is not registered under carrier " + oldCarrier + ".");
            }
            if (newCarrier == s.carrier) {
                return reject(rejected, s, -18019803, "The new carrier is the same as the current one.");
            }
            if (!s.tracking) {
                return reject(rejected, s, -18019806, "Cannot change the carrier of a stopped number.");
            }
            if (s.carrierChanges >= MAX_CARRIER_CHANGES) {
                return reject(rejected, s, -18019807, "The carrier-change limit (5) is reached.");
            }
            if (TrackInfoBuilder.visible(s.plan, now).isEmpty()) {
                return reject(rejected, s, -18019808, "There is no tracking result yet since the last change.");
            }
            ObjectNode a = accepted.addObject();
            a.put("number", s.number);
            a.put("carrier_old", s.carrier);
            a.put("carrier_new", newCarrier);
            s.carrier = newCarrier;
            s.carrierChanges++;
            return true;
        });
    }

    synchronized ObjectNode changeInfo(ArrayNode items) {
        return perItem(items, (s, item, accepted, rejected) -> {
            JsonNode changes = item.get("items");
            List<String> valid = new ArrayList<>();
            if (changes != null && changes.isObject()) {
                for (Iterator<String> it = changes.fieldNames(); it.hasNext(); ) {
                    String f = it.next();
                    if (CHANGEABLE.contains(f)) {
                        valid.add(f);
                    }
                }
            }
            if (valid.isEmpty()) {
                return reject(rejected, s, -18019811, "Nothing valid to change.");
            }
            for (String f : valid) {
                JsonNode v = changes.get(f);
                if (v == null || v.isNull()) {
                    s.info.remove(f);
                } else {
                    s.info.put(f, v.asText());
                }
            }
            acceptPlain(accepted, s);
            return true;
        });
    }

    synchronized ObjectNode stopTrack(ArrayNode items) {
        return perItem(items, (s, item, accepted, rejected) -> {
            if (!s.tracking) {
                return reject(rejected, s, -18019906, "Only numbers that are being tracked can be stopped.");
            }
            stop(s, "ByRequest");
            acceptPlain(accepted, s);
            return true;
        });
    }

    synchronized ObjectNode retrack(ArrayNode items) {
        return perItem(items, (s, item, accepted, rejected) -> {
            if (s.tracking) {
                return reject(rejected, s, -18019904, "Only stopped numbers can be retracked.");
            }
            if (s.retracked) {
                return reject(rejected, s, -18019905, "A number can be retracked only once.");
            }
            s.tracking = true;
            s.retracked = true;
            s.stoppedAt = null;
            s.stopReason = null;
            acceptPlain(accepted, s);
            return true;
        });
    }

    synchronized ObjectNode deleteTrack(ArrayNode items) {
        return perItem(items, (s, item, accepted, rejected) -> {
            shipments.remove(s.number);
            acceptPlain(accepted, s);
            return true;
        });
    }

    synchronized ObjectNode trackInfo(ArrayNode items) {
        return perItem(items, (s, item, accepted, rejected) -> {
            accepted.add(item(s, now, true));
            return true;
        });
    }

    synchronized ObjectNode realTime(ArrayNode items) {
        return perItem(items, (s, item, accepted, rejected) -> {
            String level = text(item, "cacheLevel");
            int cost = "Instant".equalsIgnoreCase(level) || "1".equals(level) ? 10 : 1;
            if (quotaUsed + cost > quotaTotal) {
                return reject(rejected, s, -18019908, "The quota is used up.");
            }
            quotaUsed += cost;
            todayUsed += cost;
            accepted.add(item(s, now, true));
            return true;
        });
    }

    synchronized ObjectNode push(ArrayNode items, List<Outgoing> out) {
        return perItem(items, (s, item, accepted, rejected) -> {
            if (!webhookConfigured) {
                return reject(rejected, s, -18010204, "No webhook URL is configured.");
            }
            out.add(updated(s, now));
            acceptPlain(accepted, s);
            return true;
        });
    }

    synchronized ObjectNode quota() {
        ObjectNode root = F.objectNode();
        root.put("code", 0);
        ObjectNode d = root.putObject("data");
        d.put("quota_total", quotaTotal);
        d.put("quota_used", quotaUsed);
        d.put("quota_remain", Math.max(0, quotaTotal - quotaUsed));
        d.put("today_used", todayUsed);
        d.put("max_track_daily", 10_000_000);
        d.put("free_email_quota", 300);
        d.put("free_email_quotaused", 0);
        return root;
    }

    synchronized ObjectNode trackList(JsonNode query) {
        return TrackListView.page(List.copyOf(shipments.values()), query, now);
    }

    // ---- time ----

    /** Moves the clock and returns the pushes the new state calls for. */
    synchronized List<Outgoing> advance(Duration by, boolean webhook, boolean outOfOrder) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        now = now.plus(by);
        List<Outgoing> out = new ArrayList<>();
        for (Shipment s : List.copyOf(shipments.values())) {
            if (!s.tracking) {
                continue;
            }
            String state = stateKey(s, now);
            if (!state.equals(s.pushedHash) && !TrackInfoBuilder.visible(s.plan, now).isEmpty()) {
                Instant previous = s.pushedStateAt;
                if (webhook) {
                    out.add(updated(s, now));
                    if (outOfOrder && previous != null) {
                        out.add(updated(s, previous));
                    }
                }
                s.pushedHash = state;
                s.pushedStateAt = now;
            }
            if (dueForAutoStop(s)) {
                stop(s, "Expired");
                if (webhook) {
                    out.add(stopped(s));
                }
            }
        }
        return out;
    }

    synchronized void pushed(String number, int status) {
        Shipment s = shipments.get(number);
        if (s != null) {
            s.pushTime = now;
            s.pushStatus = status == 200 ? "Success" : "Failure";
            s.pushStatusCode = status;
        }
    }

    private boolean dueForAutoStop(Shipment s) {
        List<Plan.Event> seen = TrackInfoBuilder.visible(s.plan, now);
        Instant last = seen.isEmpty() ? s.registeredAt : seen.getLast().at();
        boolean delivered = "Delivered".equals(TrackInfoBuilder.status(s.plan, now)[0]);
        return !now.isBefore(last.plus(Duration.ofDays(delivered ? 15 : 30)));
    }

    private void stop(Shipment s, String reason) {
        s.tracking = false;
        s.stoppedAt = now;
        s.stopReason = reason;
    }

    private static String stateKey(Shipment s, Instant at) {
        String[] status = TrackInfoBuilder.status(s.plan, at);
        return TrackInfoBuilder.visible(s.plan, at).size() + "/" + status[1];
    }

    Outgoing updated(Shipment s, Instant at) {
        ObjectNode body = F.objectNode();
        body.put("event", "TRACKING_UPDATED");
        body.set("data", item(s, at, true));
        return new Outgoing(s.number, "TRACKING_UPDATED", SimJson.bytes(body));
    }

    private static Outgoing stopped(Shipment s) {
        ObjectNode body = F.objectNode();
        body.put("event", "TRACKING_STOPPED");
        body.set("data", item(s, null, false));
        return new Outgoing(s.number, "TRACKING_STOPPED", SimJson.bytes(body));
    }

    private static ObjectNode item(Shipment s, Instant at, boolean withTrackInfo) {
        ObjectNode item = F.objectNode();
        item.put("number", s.number);
        item.put("carrier", s.carrier);
        item.put("param", s.info.get("param"));
        item.put("tag", s.tag());
        if (withTrackInfo) {
            item.set("track_info", TrackInfoBuilder.trackInfo(s.plan, at));
        }
        return item;
    }

    // ---- helpers ----

    private interface ItemAction {
        boolean apply(Shipment s, JsonNode item, ArrayNode accepted, ArrayNode rejected);
    }

    private ObjectNode perItem(ArrayNode items, ItemAction action) {
        ArrayNode accepted = F.arrayNode();
        ArrayNode rejected = F.arrayNode();
        for (JsonNode item : items) {
            String number = number(item);
            if (number == null) {
                rejected.add(Envelopes.rejection(null, text(item, "tag"), -18010010,
                        "The data item 'number' is missing."));
                continue;
            }
            Shipment s = shipments.get(number);
            if (s == null) {
                rejected.add(Envelopes.rejection(number, text(item, "tag"), -18019902,
                        "Tracking number '" + number + "' is not registered. Register it first."));
                continue;
            }
            Integer carrier = integer(item, "carrier");
            if (carrier != null && carrier > 0 && carrier != s.carrier && !item.has("carrier_new")) {
                rejected.add(Envelopes.rejection(number, s.tag(), -18019902,
                        "Tracking number '" + number + "' is not registered with carrier " + carrier + "."));
                continue;
            }
            action.apply(s, item, accepted, rejected);
        }
        return Envelopes.ok(accepted, rejected);
    }

    private static boolean reject(ArrayNode rejected, Shipment s, int code, String message) {
        ObjectNode r = Envelopes.rejection(s.number, s.tag(), code, message);
        r.put("carrier", s.carrier);
        rejected.add(r);
        return false;
    }

    private static void acceptPlain(ArrayNode accepted, Shipment s) {
        ObjectNode a = accepted.addObject();
        a.put("number", s.number);
        a.put("carrier", s.carrier);
    }

    private static String number(JsonNode item) {
        String raw = text(item, "number");
        return raw == null || raw.isBlank() ? null : TrackingNumbers.normalize(raw);
    }

    static String text(JsonNode node, String field) {
        JsonNode n = node == null ? null : node.get(field);
        return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
    }

    static Integer integer(JsonNode node, String field) {
        String t = text(node, field);
        if (t == null || t.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(t.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
