package io.trackctl.store.postgres;

import io.trackctl.core.sync.SchedulerLock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The scheduler lock of a cluster on PostgreSQL: a session-level {@code pg_try_advisory_lock} held
 * on a connection of its own (outside the pool) for as long as this instance leads. Closing the
 * connection, or the connection dying with its process, frees the lock for another instance.
 * Thread-safe.
 */
public final class AdvisorySchedulerLock implements SchedulerLock, AutoCloseable {

    /** The advisory lock key of the sync scheduler ("trackctl" folded into 64 bits). */
    public static final long SCHEDULER_KEY = 0x747261636b63746cL;
    private static final System.Logger LOG = System.getLogger(AdvisorySchedulerLock.class.getName());

    private final String jdbcUrl;
    private final Properties props;
    private final long key;
    private Connection connection;
    private boolean held;

    /**
     * @param user     null to use what the URL says
     * @param password null when none
     */
    public AdvisorySchedulerLock(String jdbcUrl, String user, String password, long key) {
        this.jdbcUrl = jdbcUrl;
        this.key = key;
        this.props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", "trackctl-scheduler-lock");
        props.setProperty("connectTimeout", "5");
        props.setProperty("tcpKeepAlive", "true");
    }

    @Override
    public synchronized boolean tryAcquire() {
        try {
            if (held) {
                if (connection.isValid(5)) {
                    return true;
                }
                LOG.log(System.Logger.Level.WARNING, "lost the connection that held the scheduler lock");
                closeQuietly();
            }
            if (connection == null || !connection.isValid(5)) {
                closeQuietly();
                connection = DriverManager.getConnection(jdbcUrl, props);
            }
            try (PreparedStatement s = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                s.setLong(1, key);
                try (ResultSet r = s.executeQuery()) {
                    held = r.next() && r.getBoolean(1);
                }
            }
            if (held) {
                LOG.log(System.Logger.Level.INFO, "this instance now runs the sync scheduler");
            }
            return held;
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "scheduler lock not taken: {0}", e.getMessage());
            closeQuietly();
            return false;
        }
    }

    /** Whether this instance held the lock at its last check. */
    public synchronized boolean held() {
        return held;
    }

    /**
     * Unlocks, then closes the connection. Closing alone frees the lock only once the server has
     * ended the session, which it does after the close returns, so another instance asking at once
     * could still be refused.
     */
    @Override
    public synchronized void release() {
        if (held && connection != null) {
            try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                s.setLong(1, key);
                s.execute();
            } catch (SQLException e) {
                // closing the connection below frees it all the same, a moment later
            }
        }
        closeQuietly();
    }

    @Override
    public void close() {
        release();
    }

    private void closeQuietly() {
        held = false;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the server ends the session, and frees the lock, when the connection goes
            }
            connection = null;
        }
    }
}
