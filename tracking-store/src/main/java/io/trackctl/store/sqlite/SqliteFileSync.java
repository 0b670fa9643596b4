package io.trackctl.store.sqlite;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * A descriptor of an SQLite database file of this process's own, to sync the file to disk outside
 * SQLite. Closing any descriptor of a file drops every POSIX lock the process holds on that file,
 * SQLite's own included, so a descriptor is shared by every handle on the same file in this
 * process and closed only when the last handle is: a store closes its handle after its
 * connections.
 */
final class SqliteFileSync implements AutoCloseable {

    /** Open descriptors by real path, with how many handles share each. */
    private static final Map<Path, Shared> OPEN = new HashMap<>();

    private final Path file;
    private final Shared shared;
    private boolean closed;

    private SqliteFileSync(Path file, Shared shared) {
        this.file = file;
        this.shared = shared;
    }

    private static final class Shared {
        final FileChannel channel;
        int handles;

        Shared(FileChannel channel) {
            this.channel = channel;
        }
    }

    /** A handle on {@code file}, which must exist; shares the descriptor of an open handle on it. */
    static SqliteFileSync open(Path file) throws IOException {
        Path real = file.toRealPath();
        synchronized (OPEN) {
            Shared shared = OPEN.get(real);
            if (shared == null) {
                shared = new Shared(FileChannel.open(real, StandardOpenOption.READ));
                OPEN.put(real, shared);
            }
            shared.handles++;
            return new SqliteFileSync(real, shared);
        }
    }

    /** Writes the file's data that is still only in the operating system's cache to disk. */
    void sync() throws IOException {
        shared.channel.force(false);
    }

    /** How many handles share the descriptor of {@code file} (0 when it has none), for tests. */
    static int handlesOn(Path file) throws IOException {
        Path real = file.toRealPath();
        synchronized (OPEN) {
            Shared shared = OPEN.get(real);
            return shared == null ? 0 : shared.handles;
        }
    }

    /** Releases this handle; the descriptor is closed with the last handle on the file. */
    @Override
    public void close() throws IOException {
        synchronized (OPEN) {
            if (closed) {
                return;
            }
            closed = true;
            if (--shared.handles == 0) {
                OPEN.remove(file);
                shared.channel.close();
            }
        }
    }
}
