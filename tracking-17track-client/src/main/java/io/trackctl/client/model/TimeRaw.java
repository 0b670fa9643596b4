package io.trackctl.client.model;

/** The carrier's own date, time and zone strings, verbatim; all null when not known. */
public record TimeRaw(String date, String time, String timezone) {
}
