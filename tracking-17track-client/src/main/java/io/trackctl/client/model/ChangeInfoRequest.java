package io.trackctl.client.model;

import java.util.Map;
import java.util.Objects;

/** New values for a registered number; they travel inside an {@code items} object. */
public record ChangeInfoRequest(String number, Integer carrier, Map<String, String> items) {

    public ChangeInfoRequest {
        Objects.requireNonNull(number, "number");
        items = items == null ? Map.of() : Map.copyOf(items);
    }

    public static ChangeInfoRequest tag(String number, Integer carrier, String tag) {
        return new ChangeInfoRequest(number, carrier, Map.of("tag", tag));
    }
}
