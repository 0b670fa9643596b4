package io.trackctl.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.trackctl.server.http.Json;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints records for people (aligned tables, "key: value" blocks) or for scripts (JSON, CSV). A
 * record is an ordered map of column name to value; the same maps feed every format.
 */
final class Printer {

    private final PrintWriter out;
    private final OutputOptions.Format format;

    Printer(PrintWriter out, OutputOptions.Format format) {
        this.out = out;
        this.format = format;
    }

    OutputOptions.Format format() {
        return format;
    }

    /** A list: a table, a JSON array, or CSV with a header line. */
    void list(List<Map<String, Object>> rows, List<String> columns) {
        switch (format) {
            case json -> out.println(json(rows));
            case csv -> {
                out.println(String.join(",", columns.stream().map(Printer::csv).toList()));
                for (Map<String, Object> r : rows) {
                    out.println(String.join(",", columns.stream().map(c -> csv(text(r.get(c)))).toList()));
                }
            }
            case table -> table(rows, columns);
        }
        out.flush();
    }

    /** A list with a paging footer (tables only; JSON wraps it with the page numbers). */
    void page(List<Map<String, Object>> rows, List<String> columns, int page, int pageSize, long total) {
        if (format == OutputOptions.Format.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("items", rows);
            m.put("page", page);
            m.put("pageSize", pageSize);
            m.put("total", total);
            out.println(json(m));
            out.flush();
            return;
        }
        list(rows, columns);
        if (format == OutputOptions.Format.table) {
            long pages = Math.max(1, (total + pageSize - 1) / pageSize);
            out.println("page " + page + " of " + pages + ", " + total + " in all");
            out.flush();
        }
    }

    /** One object: "key: value" lines, or a JSON object (CSV prints it as a one-row list). */
    void object(Map<String, Object> record) {
        switch (format) {
            case json -> out.println(json(record));
            case csv -> list(List.of(record), new ArrayList<>(record.keySet()));
            case table -> {
                int width = record.keySet().stream().mapToInt(String::length).max().orElse(0);
                record.forEach((k, v) -> out.println(pad(k + ":", width + 1) + " " + text(v)));
            }
        }
        out.flush();
    }

    /** A line for people; nothing in JSON or CSV, so scripts get clean output. */
    void note(String line) {
        if (format == OutputOptions.Format.table) {
            out.println(line);
            out.flush();
        }
    }

    static String json(Object value) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private void table(List<Map<String, Object>> rows, List<String> columns) {
        if (rows.isEmpty()) {
            out.println("(none)");
            return;
        }
        int[] widths = new int[columns.size()];
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = columns.get(i).length();
        }
        for (Map<String, Object> r : rows) {
            List<String> line = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                String t = text(r.get(columns.get(i))).replace('\n', ' ');
                widths[i] = Math.max(widths[i], t.length());
                line.add(t);
            }
            cells.add(line);
        }
        out.println(line(columns.stream().map(c -> c.toUpperCase(java.util.Locale.ROOT)).toList(), widths));
        for (List<String> line : cells) {
            out.println(line(line, widths));
        }
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            b.append(i == cells.size() - 1 ? cells.get(i) : pad(cells.get(i), widths[i]) + "  ");
        }
        return b.toString().stripTrailing();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static String text(Object v) {
        return switch (v) {
            case null -> "";
            case Instant i -> i.toString();
            case OffsetDateTime o -> o.toString();
            default -> v.toString();
        };
    }

    private static String csv(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
