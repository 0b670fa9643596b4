package io.trackctl.core.model;

import java.util.Locale;

/** A carrier to create or update by code; the code is a lower-case slug. */
public record NewCarrier(String code, String name, Integer trackKey, String country, String homepage) {

    public NewCarrier {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("carrier code is required");
        }
        code = code.trim().toLowerCase(Locale.ROOT);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("carrier name is required");
        }
        name = name.trim();
        country = country == null || country.isBlank() ? null : country.trim().toUpperCase(Locale.ROOT);
    }
}
