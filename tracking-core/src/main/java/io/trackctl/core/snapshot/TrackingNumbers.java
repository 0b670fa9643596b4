package io.trackctl.core.snapshot;

import java.util.Locale;

/**
 * Normalization and format rules for tracking numbers: trimmed, inner spaces removed, upper case;
 * 5 to 50 characters of letters, digits and hyphens (17TRACK's accepted format).
 */
public final class TrackingNumbers {

    public static final int MIN_LENGTH = 5;
    public static final int MAX_LENGTH = 50;

    private TrackingNumbers() {
    }

    /** Trim, drop inner white space, upper-case. Null stays null. */
    public static String normalize(String raw) {
        if (raw == null || isPlainUpperAscii(raw)) {
            return raw;
        }
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00A0' && c != '\uFEFF') {
                b.append(c);
            }
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * Already normalized, as almost every number of an import is: ASCII without white space or
     * lower-case letters. Checked so that normalizing such a number copies nothing.
     */
    private static boolean isPlainUpperAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7F || (c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    /** True when the normalized number has 17TRACK's format: letters A-Z, digits and hyphens, not only hyphens. */
    public static boolean isValid(String normalized) {
        if (normalized == null || normalized.length() < MIN_LENGTH || normalized.length() > MAX_LENGTH) {
            return false;
        }
        boolean letterOrDigit = false;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                letterOrDigit = true;
            } else if (c != '-') {
                return false;
            }
        }
        return letterOrDigit;
    }

    /** Why a raw number is refused, or null when it is fine after normalization. */
    public static String problem(String raw) {
        String n = normalize(raw);
        if (n == null || n.isEmpty()) {
            return "tracking number is missing";
        }
        if (n.length() < MIN_LENGTH || n.length() > MAX_LENGTH) {
            return "tracking number must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters, got " + n.length();
        }
        if (!isValid(n)) {
            return "tracking number may contain only letters, digits and hyphens";
        }
        return null;
    }
}
