package io.trackctl.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A 10,000-row import with 5% bad rows of known kinds, as CSV text and as JSON batch items, with
 * the line (or position) and reason each bad row must be reported with; and multipart bodies.
 */
final class ImportFiles {

    static final int ROWS = 10_000;
    static final int EACH_KIND = ROWS / 100;

    /** What a row is meant to be. */
    enum Kind { GOOD, BAD_NUMBER, UNKNOWN_CARRIER, BAD_DATE, MISSING_NUMBER, DUPLICATE_IN_FILE, ALREADY_STORED }

    record Row(Kind kind, String number, String carrier, String orderId, String parcelNo, String shippedAt) {
    }

    private ImportFiles() {
    }

    static Kind kindOf(int i) {
        return switch (i % 100) {
            case 7 -> Kind.BAD_NUMBER;
            case 17 -> Kind.UNKNOWN_CARRIER;
            case 27 -> Kind.BAD_DATE;
            case 37 -> Kind.MISSING_NUMBER;
            case 47 -> Kind.DUPLICATE_IN_FILE;
            case 57 -> Kind.ALREADY_STORED;
            default -> Kind.GOOD;
        };
    }

    /** The numbers stored before the import, which the rows of kind ALREADY_STORED repeat. */
    static List<String> preStored(String prefix) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            if (kindOf(i) == Kind.ALREADY_STORED) {
                out.add(prefix + "ST" + String.format("%07d", i));
            }
        }
        return out;
    }

    static List<Row> rows(String prefix) {
        List<Row> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            String good = prefix + String.format("%08d", i);
            String order = "O-" + (i / 3);
            String parcel = "P" + (i % 3);
            Row r = switch (kindOf(i)) {
                case GOOD -> new Row(Kind.GOOD, good, i % 2 == 0 ? "usps" : "", order, parcel,
                        i % 5 == 0 ? "2026-11-20" : "");
                case BAD_NUMBER -> new Row(Kind.BAD_NUMBER, "BAD!" + i, "usps", order, parcel, "");
                case UNKNOWN_CARRIER -> new Row(Kind.UNKNOWN_CARRIER, good, "nosuchcarrier", order, parcel, "");
                case BAD_DATE -> new Row(Kind.BAD_DATE, good, "", order, parcel, "not-a-date");
                case MISSING_NUMBER -> new Row(Kind.MISSING_NUMBER, "", "usps", order, parcel, "");
                case DUPLICATE_IN_FILE -> new Row(Kind.DUPLICATE_IN_FILE, prefix + String.format("%08d", i - 1), "",
                        order, parcel, "");
                case ALREADY_STORED -> new Row(Kind.ALREADY_STORED, prefix + "ST" + String.format("%07d", i), "",
                        order, parcel, "");
            };
            rows.add(r);
        }
        return rows;
    }

    static String csv(List<Row> rows) {
        StringBuilder b = new StringBuilder(ROWS * 60);
        b.append("trackingNumber,carrierCode,orderExternalId,parcelNo,shippedAt\n");
        for (Row r : rows) {
            b.append(r.number()).append(',').append(r.carrier()).append(',').append(r.orderId()).append(',')
                    .append(r.parcelNo()).append(',').append(r.shippedAt()).append('\n');
        }
        return b.toString();
    }

    static List<Map<String, Object>> items(List<Row> rows) {
        List<Map<String, Object>> items = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (!r.number().isEmpty()) {
                m.put("trackingNumber", r.number());
            }
            if (!r.carrier().isEmpty()) {
                m.put("carrierCode", r.carrier());
            }
            m.put("orderExternalId", r.orderId());
            m.put("parcelNo", r.parcelNo());
            if (!r.shippedAt().isEmpty()) {
                m.put("shippedAt", r.shippedAt());
            }
            items.add(m);
        }
        return items;
    }

    /** The reason fragment a bad row of this kind is reported with; null for rows that are not errors. */
    static String reasonOf(Kind kind) {
        return switch (kind) {
            case BAD_NUMBER -> "invalid tracking number";
            case UNKNOWN_CARRIER -> "unknown carrier 'nosuchcarrier'";
            case BAD_DATE -> "shippedAt 'not-a-date' is not a date";
            case MISSING_NUMBER -> "tracking number is missing";
            case GOOD, DUPLICATE_IN_FILE, ALREADY_STORED -> null;
        };
    }

    /** Position (0-based) of each bad row, with its expected reason fragment. */
    static Map<Integer, String> expectedErrors() {
        Map<Integer, String> out = new LinkedHashMap<>();
        for (int i = 0; i < ROWS; i++) {
            String reason = reasonOf(kindOf(i));
            if (reason != null) {
                out.put(i, reason);
            }
        }
        return out;
    }

    /**
     * A multipart/form-data body: the parts in order, each {name, fileName or null, content}. The
     * field names are quoted, the file part's content is sent as is (without a line break added).
     */
    static byte[] multipart(String boundary, List<String[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "preamble to ignore\r\n");
        for (String[] p : parts) {
            write(out, "--" + boundary + "\r\n");
            write(out, "Content-Disposition: form-data; name=\"" + p[0] + "\""
                    + (p[1] == null ? "" : "; filename=\"" + p[1] + "\"") + "\r\n");
            if (p[1] != null) {
                write(out, "Content-Type: text/csv\r\n");
            }
            write(out, "\r\n");
            write(out, p[2]);
            write(out, "\r\n");
        }
        write(out, "--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
