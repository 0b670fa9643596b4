package io.trackctl.store.sqlite;

import io.trackctl.store.StoreConfig;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/**
 * A descriptor of an SQLite database file of this process's own, to sync the file to disk outside
 * SQLite (see {@link SqliteCheckpointer}).
 *
 * <p>Closing any descriptor of a file drops every POSIX lock the process holds on that file,
 * SQLite's own included, and SQLite, believing it still holds them, does not take them again. So:
 * <ul>
 *   <li>a store takes its handle before it opens its first connection, and releases it only once
 *       all its connections are closed ({@link #close}; if one might still be open, it leaves the
 *       handle open instead: a descriptor kept is always safe);</li>
 *   <li>every handle on the same file in this process (the same device and inode, whatever the
 *       path) shares one descriptor, closed with the last handle;</li>
 *   <li>the sync is {@code fsync} on the descriptor, which an interrupt cannot cut short (an
 *       interrupted {@code FileChannel} would close itself).</li>
 * </ul>
 */
public final class SqliteFileSync implements AutoCloseable {

    /** Open descriptors by file identity, with how many handles share each. */
    private static final Map<Object, Shared> OPEN = new HashMap<>();

    private final Object key;
    private final Shared shared;
    private boolean closed;

    private SqliteFileSync(Object key, Shared shared) {
        this.key = key;
        this.shared = shared;
    }

    private static final class Shared {
        final RandomAccessFile file;
        /** The path it was opened by, to tell a descriptor left open on a file since deleted. */
        final Path opened;
        int handles;

        Shared(RandomAccessFile file, Path opened) {
            this.file = file;
            this.opened = opened;
        }
    }

    /**
     * A handle on the database file {@code config} names, created empty if missing (SQLite takes
     * an empty file for a new database); null for an in-memory database. Its directory must exist.
     */
    public static SqliteFileSync openFor(StoreConfig config) throws IOException {
        Path path = SqlitePool.filePath(config.jdbcUrl());
        if (path == null) {
            return null;
        }
        try {
            Files.createFile(path);
        } catch (FileAlreadyExistsException e) {
            // the usual case
        }
        return open(path);
    }

    /** A handle on {@code file}, which must exist; shares the descriptor of an open handle on it. */
    static SqliteFileSync open(Path file) throws IOException {
        Path real = file.toRealPath();
        Object key = identity(real);
        synchronized (OPEN) {
            Shared shared = OPEN.get(key);
            if (shared != null && !stillNames(shared.opened, key)) {
                // Left open by a store whose connection was in use at close, on a file since
                // deleted whose inode now belongs to this one: it is no descriptor of this file.
                OPEN.remove(key);
                shared = null;
            }
            if (shared == null) {
                shared = new Shared(new RandomAccessFile(real.toFile(), "r"), real);
                OPEN.put(key, shared);
            }
            shared.handles++;
            return new SqliteFileSync(key, shared);
        }
    }

    /** The file's device and inode where the platform has them (so hard links match), else its real path. */
    private static Object identity(Path real) throws IOException {
        Object fileKey = Files.readAttributes(real, BasicFileAttributes.class).fileKey();
        return fileKey != null ? fileKey : real;
    }

    private static boolean stillNames(Path path, Object key) {
        try {
            return identity(path).equals(key);
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes the file's data that is still only in the operating system's cache to disk. */
    public void sync() throws IOException {
        shared.file.getFD().sync();
    }

    /** How many handles share the descriptor of {@code file} (0 when it has none); for tests and diagnostics. */
    public static int handlesOn(Path file) throws IOException {
        Object key = identity(file.toRealPath());
        synchronized (OPEN) {
            Shared shared = OPEN.get(key);
            return shared == null || !stillNames(shared.opened, key) ? 0 : shared.handles;
        }
    }

    /**
     * Releases this handle; the descriptor is closed with the last handle on the file. Call it
     * only once every connection that took this handle first is closed.
     */
    @Override
    public void close() throws IOException {
        synchronized (OPEN) {
            if (closed) {
                return;
            }
            closed = true;
            if (--shared.handles == 0) {
                OPEN.remove(key, shared);
                shared.file.close();
            }
        }
    }
}
