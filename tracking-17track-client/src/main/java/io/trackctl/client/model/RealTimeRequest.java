package io.trackctl.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** A live carrier query; {@code cacheLevel} is "Standard" (1 quota) or "Instant" (10 quota). */
public record RealTimeRequest(String number, Integer carrier, @JsonProperty("cacheLevel") String cacheLevel) {

    public RealTimeRequest {
        Objects.requireNonNull(number, "number");
    }
}
