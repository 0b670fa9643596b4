package io.trackctl.store.testing;

import io.trackctl.store.StoreConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A SQLite file in a fresh temporary directory, deleted with the directory on close. */
public final class SqliteTestDatabase implements TestDatabase {

    private final Path dir;
    private final Path file;

    private SqliteTestDatabase(Path dir) {
        this.dir = dir;
        this.file = dir.resolve("data").resolve("trackctl.db");
    }

    public static SqliteTestDatabase create() {
        try {
            return new SqliteTestDatabase(Files.createTempDirectory("trackctl-sqlite-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public StoreConfig config() {
        return StoreConfig.of("jdbc:sqlite:" + file);
    }

    @Override
    public String impatientUrl(int millis) {
        return "jdbc:sqlite:" + file + "?busy_timeout=" + millis;
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
