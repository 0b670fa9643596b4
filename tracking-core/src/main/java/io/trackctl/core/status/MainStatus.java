package io.trackctl.core.status;

import java.util.HashMap;
import java.util.Map;

/**
 * The 9 main statuses of 17TRACK ({@code latest_status.status}), plus {@link #UNKNOWN} for a value
 * 17TRACK adds later. Parsing never throws: keep the raw text next to the parsed value.
 */
public enum MainStatus {
    NOT_FOUND("NotFound", 0),
    INFO_RECEIVED("InfoReceived", 10),
    IN_TRANSIT("InTransit", 10),
    EXPIRED("Expired", 20),
    AVAILABLE_FOR_PICKUP("AvailableForPickup", 30),
    OUT_FOR_DELIVERY("OutForDelivery", 10),
    DELIVERY_FAILURE("DeliveryFailure", 35),
    DELIVERED("Delivered", 40),
    EXCEPTION("Exception", 50),
    UNKNOWN(null, -1);

    private static final Map<String, MainStatus> BY_WIRE = new HashMap<>();

    static {
        for (MainStatus s : values()) {
            if (s.wire != null) {
                BY_WIRE.put(s.wire.toLowerCase(java.util.Locale.ROOT), s);
            }
        }
    }

    private final String wire;
    private final int v1Code;

    MainStatus(String wire, int v1Code) {
        this.wire = wire;
        this.v1Code = v1Code;
    }

    /** The exact 17TRACK spelling, or {@code null} for {@link #UNKNOWN}. */
    public String wire() {
        return wire;
    }

    /** The legacy v1 numeric package state this status falls under (section 4.4), -1 for UNKNOWN. */
    public int v1Code() {
        return v1Code;
    }

    /** Statuses after which 17TRACK stops reporting progress: no scheduled pull is useful. */
    public boolean isFinal() {
        return switch (this) {
            case DELIVERED, EXPIRED -> true;
            case NOT_FOUND, INFO_RECEIVED, IN_TRANSIT, AVAILABLE_FOR_PICKUP, OUT_FOR_DELIVERY,
                 DELIVERY_FAILURE, EXCEPTION, UNKNOWN -> false;
        };
    }

    /** Lenient: the wire value in any case, or the enum name; anything else is {@link #UNKNOWN}. */
    public static MainStatus parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        String key = text.trim().toLowerCase(java.util.Locale.ROOT);
        MainStatus byWire = BY_WIRE.get(key);
        if (byWire != null) {
            return byWire;
        }
        for (MainStatus s : values()) {
            if (s != UNKNOWN && s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        return UNKNOWN;
    }

    /** The v1 numeric state mapped to v2 (lossy: 10 stands for InfoReceived, InTransit and OutForDelivery). */
    public static MainStatus fromV1(int code) {
        return switch (code) {
            case 0 -> NOT_FOUND;
            case 10 -> IN_TRANSIT;
            case 20 -> EXPIRED;
            case 30 -> AVAILABLE_FOR_PICKUP;
            case 35 -> DELIVERY_FAILURE;
            case 40 -> DELIVERED;
            case 50 -> EXCEPTION;
            default -> UNKNOWN;
        };
    }
}
