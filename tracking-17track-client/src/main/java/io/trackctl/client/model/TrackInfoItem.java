package io.trackctl.client.model;

/** A {@code /gettrackinfo} accepted item, which is also the {@code data} of a push. */
public record TrackInfoItem(String number, Integer carrier, String param, String tag, TrackInfo trackInfo) {
}
