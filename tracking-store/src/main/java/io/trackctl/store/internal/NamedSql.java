package io.trackctl.store.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A statement with {@code :name} parameters turned, once, into JDBC's {@code ?} form and the order
 * of the names. Helidon DbClient would otherwise parse the named form again on every execution.
 * Quoted strings, quoted identifiers, PostgreSQL's dollar-quoted strings ({@code $$...$$},
 * {@code $tag$...$tag$}), comments and {@code ::} casts are left alone. A statement that already has
 * {@code ?} placeholders may not also have names: the positions would no longer match the names
 * (PostgreSQL's JDBC driver reads {@code ??} as a literal {@code ?}, which is allowed). Names are
 * ASCII letters, digits and underscores; an unterminated quote, dollar quote or comment is an error.
 */
record NamedSql(String name, String sql, List<String> names) {

    NamedSql {
        names = List.copyOf(names);
    }

    static NamedSql parse(String name, String text) {
        StringBuilder sql = new StringBuilder(text.length());
        List<String> names = new ArrayList<>();
        boolean positional = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int verbatim = verbatimEnd(name, text, i);
            if (verbatim > 0) {
                sql.append(text, i, verbatim);
                i = verbatim;
            } else if (c == '?') {
                if (i + 1 < n && text.charAt(i + 1) == '?') {
                    sql.append("??");
                    i += 2;
                } else {
                    positional = true;
                    sql.append(c);
                    i++;
                }
            } else if (c == ':' && i + 1 < n && text.charAt(i + 1) == ':') {
                sql.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && nameStart(text.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && namePart(text.charAt(end))) {
                    end++;
                }
                names.add(text.substring(i + 1, end));
                sql.append('?');
                i = end;
            } else {
                sql.append(c);
                i++;
            }
        }
        if (positional && !names.isEmpty()) {
            throw new IllegalArgumentException("statement " + name + " mixes :name parameters with ? placeholders; "
                    + "use one form (on PostgreSQL, write ?? for a literal ? operator)");
        }
        return new NamedSql(name, sql.toString(), names);
    }

    /**
     * The index just past a dollar-quote opening tag ({@code $$} or {@code $tag$}) at {@code start},
     * or -1 when the {@code $} starts none ({@code $1} is a positional parameter, not a tag).
     */
    private static int dollarTagEnd(String text, int start) {
        int i = start + 1;
        if (i < text.length() && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '_')) {
            while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                i++;
            }
        }
        return i < text.length() && text.charAt(i) == '$' ? i + 1 : -1;
    }

    /**
     * The end of the quoted string, quoted identifier, dollar-quoted string or comment that starts
     * at {@code i}, copied as it is; -1 when none starts there.
     */
    private static int verbatimEnd(String name, String text, int i) {
        char c = text.charAt(i);
        char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
        if (c == '\'' || c == '"') {
            return terminated(closing(text, i, c), name, c + " quote");
        }
        if (c == '-' && next == '-') {
            int end = text.indexOf('\n', i);
            return end < 0 ? text.length() : end;
        }
        if (c == '/' && next == '*') {
            int end = text.indexOf("*/", i + 2);
            return terminated(end < 0 ? -1 : end + 2, name, "/* comment");
        }
        int tagEnd = c == '$' && !inWord(text, i) ? dollarTagEnd(text, i) : -1;
        if (tagEnd > 0) {
            String tag = text.substring(i, tagEnd);
            int close = text.indexOf(tag, tagEnd);
            return terminated(close < 0 ? -1 : close + tag.length(), name, tag + " string");
        }
        return -1;
    }

    private static int terminated(int end, String name, String what) {
        if (end < 0) {
            throw new IllegalArgumentException("statement " + name + " has an unterminated " + what);
        }
        return end;
    }

    private static boolean nameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean namePart(char c) {
        return nameStart(c) || (c >= '0' && c <= '9');
    }

    /** Whether the character before {@code i} continues an identifier ({@code a$b$c} is one name, not a tag). */
    private static boolean inWord(String text, int i) {
        return i > 0 && (namePart(text.charAt(i - 1)) || text.charAt(i - 1) == '$');
    }

    /**
     * The index just past the quote that closes the one at {@code start}, or -1 when none does; a
     * doubled quote is an escaped one.
     */
    private static int closing(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    /** The values in parameter order; every name must have a value (null included). */
    List<Object> bind(Map<String, Object> values) {
        List<Object> out = new ArrayList<>(names.size());
        for (String p : names) {
            if (!values.containsKey(p)) {
                throw new IllegalArgumentException("statement " + name + " needs a value for :" + p);
            }
            out.add(values.get(p));
        }
        return out;
    }
}
