package io.trackctl.client.model;

import java.util.List;

/** The filter object of {@code /gettracklist}; null fields are left out. {@code pageNo} is 1-based. */
public record TrackListQuery(String number, Integer carrier, String dataOrigin, String packageStatus,
                             String trackingStatus, String pushStatus, String registerTimeFrom,
                             String registerTimeTo, String pushTimeFrom, String pushTimeTo, Integer pageNo,
                             String orderBy) {

    public static TrackListQuery page(int pageNo) {
        return new TrackListQuery(null, null, null, null, null, null, null, null, null, null, pageNo, null);
    }

    public static TrackListQuery numbers(List<String> numbers) {
        return new TrackListQuery(String.join(",", numbers), null, null, null, null, null, null, null, null, null,
                1, null);
    }

    public TrackListQuery withTrackingStatus(String status) {
        return new TrackListQuery(number, carrier, dataOrigin, packageStatus, status, pushStatus, registerTimeFrom,
                registerTimeTo, pushTimeFrom, pushTimeTo, pageNo, orderBy);
    }

    public TrackListQuery withPushStatus(String status) {
        return new TrackListQuery(number, carrier, dataOrigin, packageStatus, trackingStatus, status,
                registerTimeFrom, registerTimeTo, pushTimeFrom, pushTimeTo, pageNo, orderBy);
    }
}
