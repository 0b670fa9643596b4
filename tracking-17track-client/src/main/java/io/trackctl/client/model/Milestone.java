package io.trackctl.client.model;

/** When a key stage was reached; the times are null while it has not been. */
public record Milestone(String keyStage, String timeIso, String timeUtc, TimeRaw timeRaw) {
}
