package io.trackctl.core.snapshot;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalization and format rules for tracking numbers: trimmed, inner spaces removed, upper case;
 * 5 to 50 characters of letters, digits and hyphens (17TRACK's accepted format).
 */
public final class TrackingNumbers {

    public static final int MIN_LENGTH = 5;
    public static final int MAX_LENGTH = 50;
    private static final Pattern VALID = Pattern.compile("[A-Z0-9-]{" + MIN_LENGTH + "," + MAX_LENGTH + "}");

    private TrackingNumbers() {
    }

    /** Trim, drop inner white space, upper-case. Null stays null. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
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

    /** True when the normalized number has 17TRACK's format. */
    public static boolean isValid(String normalized) {
        return normalized != null && VALID.matcher(normalized).matches()
                && normalized.chars().anyMatch(Character::isLetterOrDigit);
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
