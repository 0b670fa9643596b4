package io.trackctl.client.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A registered number inside the simulator. Guarded by the simulator's state lock. */
final class Shipment {

    final String number;
    final Instant registeredAt;
    final Plan plan;
    int carrier;
    final Map<String, String> info = new LinkedHashMap<>();
    boolean tracking = true;
    Instant stoppedAt;
    String stopReason;
    boolean retracked;
    int carrierChanges;
    /** The simulated time of the last state that was pushed (null: never). */
    Instant pushedStateAt;
    String pushedHash;
    Instant pushTime;
    String pushStatus = "NotPushed";
    Integer pushStatusCode;

    Shipment(String number, int carrier, Instant registeredAt, Plan plan) {
        this.number = number;
        this.carrier = carrier;
        this.registeredAt = registeredAt;
        this.plan = plan;
    }

    String tag() {
        return info.get("tag");
    }
}
