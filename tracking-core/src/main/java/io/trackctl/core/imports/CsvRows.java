package io.trackctl.core.imports;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvValidationException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Streams the rows of an import CSV in constant memory: UTF-8 with or without a byte-order mark,
 * comma, semicolon or tab as the delimiter (guessed from the header line), RFC 4180 quoting with
 * quoted commas and newlines, CRLF or LF. The header decides which column is which
 * ({@link ImportColumn}); blank lines are skipped. Not thread-safe.
 */
public final class CsvRows implements Iterator<ImportRow>, Closeable {

    /** A record may span at most this many physical lines (an unclosed quote must not swallow the file). */
    private static final int MULTILINE_LIMIT = 50;
    private static final int SNIFF_BYTES = 8192;

    private final CSVReader reader;
    private final char delimiter;
    private final Map<ImportColumn, Integer> columns;
    private ImportRow next;

    private CsvRows(CSVReader reader, char delimiter, Map<ImportColumn, Integer> columns) {
        this.reader = reader;
        this.delimiter = delimiter;
        this.columns = columns;
    }

    /** Opens a stream; throws {@link ImportFileException} when it is empty, not text, or has no number column. */
    public static CsvRows open(InputStream raw) {
        try {
            BufferedInputStream in = new BufferedInputStream(raw, 65536);
            skipBomAndCheckText(in);
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            BufferedReader text = new BufferedReader(new InputStreamReader(in, decoder), 65536);
            char delimiter = sniffDelimiter(text);
            CSVReader reader = new CSVReaderBuilder(text)
                    .withCSVParser(new RFC4180ParserBuilder().withSeparator(delimiter).build())
                    .withMultilineLimit(MULTILINE_LIMIT)
                    .build();
            String[] header = readRecord(reader);
            while (header != null && blank(header)) {
                header = readRecord(reader);
            }
            if (header == null) {
                throw new ImportFileException("the file is empty: expected a header line and rows");
            }
            Map<ImportColumn, Integer> columns = new EnumMap<>(ImportColumn.class);
            for (int i = 0; i < header.length; i++) {
                ImportColumn c = ImportColumn.fromHeader(header[i]);
                if (c != null) {
                    columns.putIfAbsent(c, i);
                }
            }
            if (!columns.containsKey(ImportColumn.TRACKING_NUMBER)) {
                throw new ImportFileException("no tracking-number column: expected a header such as trackingNumber, "
                        + "tracking_number or Tracking Number, found " + describe(header));
            }
            return new CsvRows(reader, delimiter, columns);
        } catch (CharacterCodingException e) {
            throw notText();
        } catch (IOException e) {
            throw new ImportFileException("the file cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        try {
            while (true) {
                long line = reader.getLinesRead() + 1;
                String[] record = readRecord(reader);
                if (record == null) {
                    return false;
                }
                if (!blank(record)) {
                    next = toRow(line, record);
                    return true;
                }
            }
        } catch (CharacterCodingException e) {
            throw notText();
        } catch (IOException e) {
            throw new ImportFileException("the file cannot be read after line " + reader.getLinesRead() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public ImportRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ImportRow row = next;
        next = null;
        return row;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private ImportRow toRow(long line, String[] r) {
        return new ImportRow(line, render(r), field(r, ImportColumn.TRACKING_NUMBER), field(r, ImportColumn.CARRIER),
                field(r, ImportColumn.PARCEL_NO), field(r, ImportColumn.ORDER_EXTERNAL_ID),
                field(r, ImportColumn.SOURCE), field(r, ImportColumn.SHIPPED_AT));
    }

    private String field(String[] record, ImportColumn c) {
        Integer i = columns.get(c);
        if (i == null || i >= record.length) {
            return null;
        }
        String v = record[i].trim();
        return v.isEmpty() ? null : v;
    }

    /** The record as a CSV line again (quoted where needed), for error reports. */
    private String render(String[] record) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < record.length; i++) {
            if (i > 0) {
                b.append(delimiter);
            }
            String f = record[i];
            if (f.indexOf(delimiter) >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                b.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                b.append(f);
            }
        }
        return b.length() > 2000 ? b.substring(0, 2000) + "..." : b.toString();
    }

    private static String[] readRecord(CSVReader reader) throws IOException {
        try {
            return reader.readNext();
        } catch (CsvValidationException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static boolean blank(String[] record) {
        for (String f : record) {
            if (f != null && !f.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static void skipBomAndCheckText(BufferedInputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        for (byte b : head) {
            if (b == 0) {
                throw notText();
            }
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            in.skipNBytes(3);
        }
    }

    /** The delimiter seen most often outside quotes on the first non-blank line: comma, semicolon or tab. */
    private static char sniffDelimiter(BufferedReader text) throws IOException {
        text.mark(SNIFF_BYTES * 8);
        String line;
        do {
            line = text.readLine();
        } while (line != null && line.isBlank());
        text.reset();
        if (line == null) {
            return ',';
        }
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ',' -> commas++;
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    default -> { }
                }
            }
        }
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static String describe(String[] header) {
        List<String> names = new ArrayList<>();
        for (String h : header) {
            names.add("'" + (h.length() > 40 ? h.substring(0, 40) + "..." : h) + "'");
            if (names.size() == 10) {
                names.add("...");
                break;
            }
        }
        return String.join(", ", names);
    }

    private static ImportFileException notText() {
        return new ImportFileException("the file is not UTF-8 text (CSV expected)");
    }
}
