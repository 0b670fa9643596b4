package io.trackctl.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One registered number as {@code /gettracklist} lists it; the delivery time keeps the wire's misspelling. */
public record TrackListItem(String number, String param, String paramType, String dataOrigin, Integer carrier,
                            String shippingCountry, Integer finalCarrier, String recipientCountry,
                            String registerTime, String trackingStatus, String packageStatus, String trackTime,
                            String pushTime, String pushStatus, Integer pushStatusCode, String stopTrackTime,
                            String stopTrackReason, Boolean isRetracked, Integer carrierChangeCount, String tag,
                            String email, String orderNo, String orderTime, String lang, String remark,
                            String latestEventTime, String latestEventInfo, Integer daysAfterOrder,
                            Integer daysAfterLastUpdate, Integer daysOfTransit, Integer daysOfTransitDone,
                            @JsonProperty("delievery_time") String deliveryTime, String pickupTime) {
}
