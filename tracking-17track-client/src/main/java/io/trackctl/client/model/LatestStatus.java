package io.trackctl.client.model;

/** The current main status and sub-status, as 17TRACK spelled them. */
public record LatestStatus(String status, String subStatus, String subStatusDescr) {
}
