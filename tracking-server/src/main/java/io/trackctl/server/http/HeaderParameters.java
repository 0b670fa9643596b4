package io.trackctl.server.http;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code ;}-separated parameters of a header such as {@code Content-Type} or
 * {@code Content-Disposition}: names lower-cased, values unquoted (with {@code \"} escapes), the
 * first occurrence of a name winning.
 */
public final class HeaderParameters {

    private HeaderParameters() {
    }

    /** The parameters of {@code value}; the leading token (the type or disposition) is skipped. */
    public static Map<String, String> parse(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = value.indexOf(';');
        if (i < 0) {
            return out;
        }
        int n = value.length();
        i++;
        while (i < n) {
            while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t' || value.charAt(i) == ';')) {
                i++;
            }
            int nameStart = i;
            while (i < n && value.charAt(i) != '=' && value.charAt(i) != ';') {
                i++;
            }
            String name = value.substring(nameStart, i).trim().toLowerCase(Locale.ROOT);
            String v = "";
            if (i < n && value.charAt(i) == '=') {
                i++;
                while (i < n && value.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && value.charAt(i) == '"') {
                    StringBuilder b = new StringBuilder();
                    i++;
                    while (i < n && value.charAt(i) != '"') {
                        char c = value.charAt(i);
                        if (c == '\\' && i + 1 < n) {
                            c = value.charAt(++i);
                        }
                        b.append(c);
                        i++;
                    }
                    i++;
                    v = b.toString();
                    while (i < n && value.charAt(i) != ';') {
                        i++;
                    }
                } else {
                    int start = i;
                    while (i < n && value.charAt(i) != ';') {
                        i++;
                    }
                    v = value.substring(start, i).trim();
                }
            }
            if (!name.isEmpty()) {
                out.putIfAbsent(name, v);
            }
        }
        return out;
    }
}
