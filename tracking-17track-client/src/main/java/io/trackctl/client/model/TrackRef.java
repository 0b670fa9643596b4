package io.trackctl.client.model;

import java.util.Objects;

/** A number, with its carrier key when known (null lets 17TRACK pick the only registration). */
public record TrackRef(String number, Integer carrier) {

    public TrackRef {
        Objects.requireNonNull(number, "number");
    }

    public static TrackRef of(String number) {
        return new TrackRef(number, null);
    }
}
