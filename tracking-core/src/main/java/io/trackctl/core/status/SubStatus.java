package io.trackctl.core.status;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The 30 sub-statuses of 17TRACK ({@code latest_status.sub_status}, {@code event.sub_status}), each
 * tied to its main status, plus {@link #UNKNOWN}. A value not in the list is never an error.
 */
public enum SubStatus {
    NOT_FOUND_OTHER("NotFound_Other", MainStatus.NOT_FOUND),
    NOT_FOUND_INVALID_CODE("NotFound_InvalidCode", MainStatus.NOT_FOUND),
    INFO_RECEIVED("InfoReceived", MainStatus.INFO_RECEIVED),
    IN_TRANSIT_PICKED_UP("InTransit_PickedUp", MainStatus.IN_TRANSIT),
    IN_TRANSIT_DEPARTURE("InTransit_Departure", MainStatus.IN_TRANSIT),
    IN_TRANSIT_ARRIVAL("InTransit_Arrival", MainStatus.IN_TRANSIT),
    IN_TRANSIT_CUSTOMS_PROCESSING("InTransit_CustomsProcessing", MainStatus.IN_TRANSIT),
    IN_TRANSIT_CUSTOMS_RELEASED("InTransit_CustomsReleased", MainStatus.IN_TRANSIT),
    IN_TRANSIT_CUSTOMS_REQUIRING_INFORMATION("InTransit_CustomsRequiringInformation", MainStatus.IN_TRANSIT),
    IN_TRANSIT_OTHER("InTransit_Other", MainStatus.IN_TRANSIT),
    EXPIRED_OTHER("Expired_Other", MainStatus.EXPIRED),
    AVAILABLE_FOR_PICKUP_OTHER("AvailableForPickup_Other", MainStatus.AVAILABLE_FOR_PICKUP),
    OUT_FOR_DELIVERY_OTHER("OutForDelivery_Other", MainStatus.OUT_FOR_DELIVERY),
    DELIVERY_FAILURE_NO_BODY("DeliveryFailure_NoBody", MainStatus.DELIVERY_FAILURE),
    DELIVERY_FAILURE_SECURITY("DeliveryFailure_Security", MainStatus.DELIVERY_FAILURE),
    DELIVERY_FAILURE_REJECTED("DeliveryFailure_Rejected", MainStatus.DELIVERY_FAILURE),
    DELIVERY_FAILURE_INVALID_ADDRESS("DeliveryFailure_InvalidAddress", MainStatus.DELIVERY_FAILURE),
    DELIVERY_FAILURE_OTHER("DeliveryFailure_Other", MainStatus.DELIVERY_FAILURE),
    DELIVERED_OTHER("Delivered_Other", MainStatus.DELIVERED),
    EXCEPTION_RETURNING("Exception_Returning", MainStatus.EXCEPTION),
    EXCEPTION_RETURNED("Exception_Returned", MainStatus.EXCEPTION),
    EXCEPTION_NO_BODY("Exception_NoBody", MainStatus.EXCEPTION),
    EXCEPTION_SECURITY("Exception_Security", MainStatus.EXCEPTION),
    EXCEPTION_DAMAGE("Exception_Damage", MainStatus.EXCEPTION),
    EXCEPTION_REJECTED("Exception_Rejected", MainStatus.EXCEPTION),
    EXCEPTION_DELAYED("Exception_Delayed", MainStatus.EXCEPTION),
    EXCEPTION_LOST("Exception_Lost", MainStatus.EXCEPTION),
    EXCEPTION_DESTROYED("Exception_Destroyed", MainStatus.EXCEPTION),
    EXCEPTION_CANCEL("Exception_Cancel", MainStatus.EXCEPTION),
    EXCEPTION_OTHER("Exception_Other", MainStatus.EXCEPTION),
    UNKNOWN(null, MainStatus.UNKNOWN);

    private static final Map<String, SubStatus> BY_WIRE = new HashMap<>();

    static {
        for (SubStatus s : values()) {
            if (s.wire != null) {
                BY_WIRE.put(s.wire.toLowerCase(Locale.ROOT), s);
            }
        }
        // Seen in the wild for Exception_Damage (API.md section 4.2).
        BY_WIRE.put("exception_damaged", EXCEPTION_DAMAGE);
    }

    private final String wire;
    private final MainStatus main;

    SubStatus(String wire, MainStatus main) {
        this.wire = wire;
        this.main = main;
    }

    public String wire() {
        return wire;
    }

    /** The main status this sub-status belongs to. */
    public MainStatus main() {
        return main;
    }

    public static SubStatus parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        SubStatus s = BY_WIRE.get(text.trim().toLowerCase(Locale.ROOT));
        return s == null ? UNKNOWN : s;
    }
}
