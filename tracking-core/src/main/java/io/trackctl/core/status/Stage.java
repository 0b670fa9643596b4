package io.trackctl.core.status;

import java.util.Locale;

/**
 * The 9 milestone key stages ({@code milestone[].key_stage}), also the value set of
 * {@code event.stage}, in their documented order. {@link #UNKNOWN} for anything else.
 */
public enum Stage {
    INFO_RECEIVED("InfoReceived"),
    PICKED_UP("PickedUp"),
    DEPARTURE("Departure"),
    ARRIVAL("Arrival"),
    AVAILABLE_FOR_PICKUP("AvailableForPickup"),
    OUT_FOR_DELIVERY("OutForDelivery"),
    DELIVERED("Delivered"),
    RETURNING("Returning"),
    RETURNED("Returned"),
    UNKNOWN(null);

    private final String wire;

    Stage(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Stage parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Stage s : values()) {
            if (s.wire != null && s.wire.toLowerCase(Locale.ROOT).equals(t)) {
                return s;
            }
        }
        return UNKNOWN;
    }
}
