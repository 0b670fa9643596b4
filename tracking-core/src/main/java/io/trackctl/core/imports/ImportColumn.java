package io.trackctl.core.imports;

import java.util.Locale;
import java.util.Map;

/**
 * The columns an import understands, recognised by header text regardless of case, spaces and
 * punctuation, with the usual aliases ({@code Tracking Number}, {@code tracking_number}, ...).
 */
enum ImportColumn {
    TRACKING_NUMBER,
    CARRIER,
    PARCEL_NO,
    ORDER_EXTERNAL_ID,
    SOURCE,
    SHIPPED_AT;

    private static final Map<String, ImportColumn> ALIASES = Map.ofEntries(
            Map.entry("trackingnumber", TRACKING_NUMBER),
            Map.entry("trackingno", TRACKING_NUMBER),
            Map.entry("tracking", TRACKING_NUMBER),
            Map.entry("trackingid", TRACKING_NUMBER),
            Map.entry("trackingcode", TRACKING_NUMBER),
            Map.entry("number", TRACKING_NUMBER),
            Map.entry("waybill", TRACKING_NUMBER),
            Map.entry("waybillnumber", TRACKING_NUMBER),
            Map.entry("carriercode", CARRIER),
            Map.entry("carrier", CARRIER),
            Map.entry("carrierkey", CARRIER),
            Map.entry("courier", CARRIER),
            Map.entry("parcelno", PARCEL_NO),
            Map.entry("parcelnumber", PARCEL_NO),
            Map.entry("parcel", PARCEL_NO),
            Map.entry("packageno", PARCEL_NO),
            Map.entry("orderexternalid", ORDER_EXTERNAL_ID),
            Map.entry("orderid", ORDER_EXTERNAL_ID),
            Map.entry("order", ORDER_EXTERNAL_ID),
            Map.entry("orderno", ORDER_EXTERNAL_ID),
            Map.entry("ordernumber", ORDER_EXTERNAL_ID),
            Map.entry("externalorderid", ORDER_EXTERNAL_ID),
            Map.entry("source", SOURCE),
            Map.entry("shippedat", SHIPPED_AT),
            Map.entry("shipped", SHIPPED_AT),
            Map.entry("shipdate", SHIPPED_AT),
            Map.entry("shippeddate", SHIPPED_AT),
            Map.entry("shippingdate", SHIPPED_AT));

    /** The column a header names, or null when it is not one we use. */
    static ImportColumn fromHeader(String header) {
        if (header == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(header.length());
        for (char c : header.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        return ALIASES.get(b.toString());
    }
}
