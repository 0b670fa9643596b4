package io.trackctl.core.service;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Collects field errors and throws them together. */
final class Validator {

    private final List<ValidationException.FieldError> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(new ValidationException.FieldError(field, message));
    }

    /** Trimmed text; null when blank. Checks presence and length. */
    String text(String field, String value, boolean required, int maxLength) {
        String v = value == null || value.isBlank() ? null : value.trim();
        if (v == null) {
            if (required) {
                add(field, "is required");
            }
            return null;
        }
        if (v.length() > maxLength) {
            add(field, "must be at most " + maxLength + " characters");
        }
        return v;
    }

    String url(String field, String value) {
        String v = text(field, value, false, 500);
        if (v == null) {
            return null;
        }
        try {
            URI uri = new URI(v);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                add(field, "must be an http or https URL");
            }
        } catch (java.net.URISyntaxException e) {
            add(field, "must be an http or https URL");
        }
        return v;
    }

    String zone(String field, String value) {
        String v = text(field, value, false, 64);
        if (v == null) {
            return null;
        }
        try {
            return ZoneId.of(v).getId();
        } catch (DateTimeException e) {
            add(field, "must be a time zone id such as Europe/Paris or UTC");
            return v;
        }
    }

    int count() {
        return errors.size();
    }

    void check() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
