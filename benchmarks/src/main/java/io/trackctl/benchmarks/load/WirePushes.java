package io.trackctl.benchmarks.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackctl.client.WebhookSignature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Signed 17TRACK {@code TRACKING_UPDATED} pushes in the wire format (17track/API.md section 5.2):
 * {@code numbers} distinct tracking numbers, each pushed {@code updates} times with a growing
 * history (push {@code j} carries events 1..j, the last one delivered), shuffled, with a share of
 * exact re-sends mixed in as 17TRACK's retries do.
 */
public final class WirePushes {

    /** One push to send: which number (by index), which update (1-based), the body and its signature. */
    public record Push(int numberIndex, int update, byte[] body, String signature) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Instant BASE = Instant.parse("2026-11-01T08:00:00Z");
    private static final int CARRIER = 21051;

    private WirePushes() {
    }

    /** The tracking number with this index (distinct for distinct indexes, valid 17TRACK shape). */
    public static String number(int index) {
        return "BM" + (100_000_000 + index) + "US";
    }

    /**
     * The send plan: every (number, update) once, in a seeded random order, plus re-sends of earlier
     * pushes so that {@code duplicateShare} of the plan are duplicates.
     */
    public static List<Push> plan(int numbers, int updates, double duplicateShare, String key, long seed) {
        if (duplicateShare < 0 || duplicateShare >= 1) {
            throw new IllegalArgumentException("duplicate share must be in [0, 1)");
        }
        Random random = new Random(seed);
        List<Push> distinct = new ArrayList<>(numbers * updates);
        for (int n = 0; n < numbers; n++) {
            for (int u = 1; u <= updates; u++) {
                byte[] body = body(n, u, updates);
                distinct.add(new Push(n, u, body, WebhookSignature.sign(body, key)));
            }
        }
        java.util.Collections.shuffle(distinct, random);
        int resends = (int) Math.round(distinct.size() * duplicateShare / (1 - duplicateShare));
        List<Push> plan = new ArrayList<>(distinct.size() + resends);
        plan.addAll(distinct);
        for (int r = 0; r < resends; r++) {
            int at = 1 + random.nextInt(plan.size());
            plan.add(at, plan.get(random.nextInt(at)));
        }
        return plan;
    }

    /** The wire JSON of update {@code u} (of {@code updates}) for number {@code n}. */
    public static byte[] body(int n, int u, int updates) {
        String number = number(n);
        boolean delivered = u == updates;
        ObjectNode root = MAPPER.createObjectNode();
        root.put("event", "TRACKING_UPDATED");
        ObjectNode data = root.putObject("data");
        data.put("number", number);
        data.put("carrier", CARRIER);
        data.putNull("param");
        data.putNull("tag");
        ObjectNode info = data.putObject("track_info");
        ObjectNode status = info.putObject("latest_status");
        status.put("status", delivered ? "Delivered" : "InTransit");
        status.put("sub_status", delivered ? "Delivered_Other" : "InTransit_Other");
        status.putNull("sub_status_descr");
        ArrayNode events = MAPPER.createArrayNode();
        for (int e = u; e >= 1; e--) {
            events.add(event(n, e, e == updates));
        }
        info.set("latest_event", events.get(0));
        ObjectNode tracking = info.putObject("tracking");
        tracking.put("providers_hash", 1_000_003L * n + u);
        ObjectNode provider = tracking.putArray("providers").addObject();
        ObjectNode who = provider.putObject("provider");
        who.put("key", CARRIER);
        who.put("name", "USPS");
        who.put("alias", "USPS");
        who.putNull("tel");
        who.putNull("homepage");
        who.put("country", "US");
        provider.put("provider_lang", "en");
        provider.putNull("service_type");
        provider.put("latest_sync_status", "Success");
        provider.put("latest_sync_time", UTC.format(eventTime(u).plusSeconds(60)));
        provider.put("events_hash", 7_000_001L * n + u);
        provider.set("events", events);
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode event(int n, int e, boolean delivered) {
        Instant t = eventTime(e);
        ObjectNode ev = MAPPER.createObjectNode();
        ev.put("time_iso", t.atOffset(ZoneOffset.ofHours(-5)).toString());
        ev.put("time_utc", UTC.format(t));
        ObjectNode raw = ev.putObject("time_raw");
        raw.put("date", t.atOffset(ZoneOffset.ofHours(-5)).toLocalDate().toString());
        raw.put("time", t.atOffset(ZoneOffset.ofHours(-5)).toLocalTime().toString());
        raw.put("timezone", "-05:00");
        ev.put("description", delivered ? "Delivered, front door" : "Arrived at facility " + e + " for item " + n);
        ev.put("location", "Memphis, TN");
        ev.put("stage", delivered ? "Delivered" : "Arrival");
        ev.put("sub_status", delivered ? "Delivered_Other" : "InTransit_Arrival");
        return ev;
    }

    private static Instant eventTime(int e) {
        return BASE.plusSeconds(3600L * e);
    }
}
