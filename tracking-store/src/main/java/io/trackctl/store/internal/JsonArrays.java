package io.trackctl.store.internal;

import java.util.Collection;

/**
 * A list of texts as one JSON array parameter, so that a statement can take any number of values
 * ({@code json_each} in SQLite, {@code json_array_elements_text} in PostgreSQL) without building
 * its SQL per call.
 */
final class JsonArrays {

    private JsonArrays() {
    }

    static String of(Collection<String> texts) {
        StringBuilder b = new StringBuilder(texts.size() * 16 + 2).append('[');
        for (String t : texts) {
            if (b.length() > 1) {
                b.append(',');
            }
            appendString(b, t);
        }
        return b.append(']').toString();
    }

    private static void appendString(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }
}
