package io.trackctl.core.model;

/**
 * A shop credential as stored: {@code sealed} is the encrypted value (see {@code SecretBox}),
 * {@code hint} at most its last four characters, for display. The clear value is never kept.
 */
public record Credential(String sealed, String hint) {

    public Credential {
        if (sealed == null || sealed.isBlank()) {
            throw new IllegalArgumentException("sealed value is required");
        }
    }

    @Override
    public String toString() {
        return "Credential[****" + (hint == null ? "" : hint) + "]";
    }
}
