package io.trackctl.cli;

import io.trackctl.core.model.Carrier;
import io.trackctl.core.model.Credential;
import io.trackctl.core.model.Shop;
import io.trackctl.core.model.SyncJob;
import io.trackctl.core.model.TrackingEvent;
import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.model.WebhookDelivery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The printed form of each domain record: the same columns in tables, CSV and JSON, never a secret. */
final class Records {

    static final List<String> SHOP_COLUMNS = List.of("id", "name", "platform", "storeUrl", "timezone", "status",
            "credentials");
    static final List<String> CARRIER_COLUMNS = List.of("id", "code", "name", "trackKey", "country", "homepage");
    static final List<String> TRACKING_COLUMNS = List.of("id", "shopId", "trackingNumber", "status", "subStatus",
            "latestEvent", "latestEventAt", "registration", "updatedAt");
    static final List<String> EVENT_COLUMNS = List.of("localTime", "status", "description", "location");
    static final List<String> JOB_COLUMNS = List.of("id", "kind", "status", "trigger", "trackingId", "refId",
            "attempts", "nextAttemptAt", "lastError");
    static final List<String> DELIVERY_COLUMNS = List.of("id", "receivedAt", "verdict", "eventType", "number",
            "outcome", "error");

    private Records() {
    }

    static Map<String, Object> shop(Shop s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("platform", s.platform());
        m.put("storeUrl", s.storeUrl());
        m.put("timezone", s.timezone());
        m.put("status", s.status().name().toLowerCase(java.util.Locale.ROOT));
        m.put("credentials", credentials(s));
        return m;
    }

    private static String credentials(Shop s) {
        StringBuilder b = new StringBuilder();
        mark(b, "apiKey", s.apiKey());
        mark(b, "apiSecret", s.apiSecret());
        mark(b, "accessToken", s.accessToken());
        return b.isEmpty() ? "none" : b.toString();
    }

    private static void mark(StringBuilder b, String name, Credential c) {
        if (c != null) {
            b.append(b.isEmpty() ? "" : " ").append(name);
        }
    }

    static Map<String, Object> carrier(Carrier c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("code", c.code());
        m.put("name", c.name());
        m.put("trackKey", c.trackKey());
        m.put("country", c.country());
        m.put("homepage", c.homepage());
        return m;
    }

    static Map<String, Object> tracking(TrackingNumber t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("shopId", t.shopId());
        m.put("trackingNumber", t.number());
        m.put("status", status(t));
        m.put("subStatus", t.state().status().sub() == null ? null : t.state().status().sub().wire());
        m.put("latestEvent", t.state().latestEventText());
        m.put("latestEventAt", t.state().latestEventAt());
        m.put("registration", t.registration() == null ? null
                : t.registration().name().toLowerCase(java.util.Locale.ROOT));
        m.put("updatedAt", t.updatedAt());
        return m;
    }

    static String status(TrackingNumber t) {
        var main = t.state().status().main();
        return main == null || main.wire() == null ? "NotFound" : main.wire();
    }

    static Map<String, Object> event(TrackingEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("localTime", e.localTime() != null ? e.localTime() : e.timeUtc());
        m.put("timeUtc", e.timeUtc());
        m.put("status", e.stage() != null ? e.stage() : e.subStatus());
        m.put("description", e.description());
        m.put("location", e.location());
        return m;
    }

    static Map<String, Object> job(SyncJob j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("kind", j.kind());
        m.put("status", j.status());
        m.put("trigger", j.trigger());
        m.put("trackingId", j.trackingId());
        m.put("refId", j.refId());
        m.put("attempts", j.attempts() + "/" + j.maxAttempts());
        m.put("nextAttemptAt", j.nextAttemptAt());
        m.put("lastError", j.lastError());
        return m;
    }

    static Map<String, Object> delivery(WebhookDelivery d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("receivedAt", d.receivedAt());
        m.put("verdict", d.verdict());
        m.put("eventType", d.eventType());
        m.put("number", d.number());
        m.put("outcome", d.outcome());
        m.put("error", d.error());
        return m;
    }
}
