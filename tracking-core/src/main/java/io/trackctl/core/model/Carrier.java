package io.trackctl.core.model;

import java.time.Instant;

/** A carrier: short code (slug), name, and the 17TRACK carrier key used on the wire. */
public record Carrier(long id, String code, String name, Integer trackKey, String country, String homepage,
                      Instant createdAt, Instant updatedAt) {
}
