package io.trackctl.client.model;

/** A number the service refused, with the reason. */
public record Rejected(String number, String tag, Integer carrier, ItemError error) {

    public int code() {
        return error == null ? 0 : error.code();
    }
}
