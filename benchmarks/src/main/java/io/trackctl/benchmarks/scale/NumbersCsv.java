package io.trackctl.benchmarks.scale;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A CSV of distinct tracking numbers ({@code BM100000000US}, ...), as a shop would export it. */
public final class NumbersCsv {

    private NumbersCsv() {
    }

    public static String number(int i) {
        return "BM" + (100_000_000 + i) + "US";
    }

    /** Writes {@code rows} rows (plus the header) to {@code file} unless it already holds them. */
    public static Path write(Path file, int rows) throws IOException {
        Path marker = file.resolveSibling(file.getFileName() + "." + rows + ".done");
        if (Files.exists(marker) && Files.exists(file)) {
            return file;
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("tracking_number,source\n");
            for (int i = 0; i < rows; i++) {
                w.write(number(i));
                w.write(",benchmark\n");
            }
        }
        Files.writeString(marker, "");
        return file;
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : "numbers.csv"), args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000);
    }
}
