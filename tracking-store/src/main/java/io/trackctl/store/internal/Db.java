package io.trackctl.store.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.retry.TransientFailureException;
import io.trackctl.store.StoreException;

import io.trackctl.store.sqlite.SqliteEvictions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The store's access to the database: named statements through Helidon DbClient, transactions,
 * plain JDBC for bulk paths, and the one place where database errors are translated
 * ({@link TransientFailureException} when trying again may help, {@link StoreException} otherwise).
 */
public final class Db {

    private final DbClient client;
    private final DataSource dataSource;
    private final Dialect dialect;
    private final Statements statements;
    private final Clock clock;
    /**
     * How long a write other than webhook intake holds back for announced intake writes, per turn
     * ({@link WriterLock}): long enough that a burst of pushes keeps the writer, short enough that
     * apply workers and API writes still move at some tens of turns a second each.
     */
    static final Duration YIELD_TO_INTAKE = Duration.ofMillis(20);

    /** SQLite's one writer, queued for in this process; null on PostgreSQL, where writers do not exclude each other. */
    private final WriterLock sqliteWriter;

    public Db(DbClient client, DataSource dataSource, Dialect dialect, Statements statements, Clock clock) {
        this.client = client;
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.statements = statements;
        this.clock = clock;
        this.sqliteWriter = dialect == Dialect.SQLITE ? new WriterLock(YIELD_TO_INTAKE) : null;
    }

    public Dialect dialect() {
        return dialect;
    }

    public Instant now() {
        return Dialect.truncate(clock.instant());
    }

    public Params params() {
        return new Params(dialect);
    }

    public String sql(String name) {
        return statements.sql(name);
    }

    /** Statements run one by one (autocommit). */
    public <T> T read(Function<Exec, T> work) {
        try {
            return work.apply(new DbClientExec(client.execute()));
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /**
     * Writing statements run one by one (autocommit). On SQLite they queue for the writer with the
     * transactions of this process instead of in SQLite's busy handler.
     */
    public <T> T write(Function<Exec, T> work) {
        lockWriter();
        try {
            return read(work);
        } finally {
            unlockWriter();
        }
    }

    /** Statements run in one transaction, committed when {@code work} returns. */
    public <T> T tx(Function<Exec, T> work) {
        lockWriter();
        try {
            return inTx(work);
        } finally {
            unlockWriter();
        }
    }

    private <T> T inTx(Function<Exec, T> work) {
        DbTransaction tx;
        try {
            tx = client.transaction();
        } catch (RuntimeException e) {
            throw translate(e);
        }
        try {
            T result = work.apply(new DbClientExec(tx));
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            try {
                tx.rollback();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw translate(e);
        }
    }

    private void lockWriter() {
        lockWriter(false);
    }

    private void lockWriter(boolean intake) {
        if (sqliteWriter != null) {
            sqliteWriter.lock(intake);
        }
    }

    private void unlockWriter() {
        if (sqliteWriter != null) {
            sqliteWriter.unlock();
        }
    }

    /**
     * Runs {@code step} on the writer's turn: on SQLite no other write of this process runs until
     * it returns. For short maintenance that must not meet a writer, such as the last pages of a
     * checkpoint that restarts SQLite's write-ahead log; it takes its turn with webhook intake, not
     * after it, since a shorter log makes intake's own commits cheaper. Runs at once on PostgreSQL.
     */
    public void onWritersTurn(Runnable step) {
        lockWriter(true);
        try {
            step.run();
        } finally {
            unlockWriter();
        }
    }

    /** Plain JDBC work in one transaction on a pooled connection (bulk paths only). */
    public <T> T jdbc(JdbcWork<T> work) {
        return jdbc(false, work);
    }

    private <T> T jdbc(boolean intake, JdbcWork<T> work) {
        lockWriter(intake);
        try {
            return inJdbc(work);
        } finally {
            unlockWriter();
        }
    }

    private <T> T inJdbc(JdbcWork<T> work) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw translate(new StoreException("database failure: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /**
     * Many small units of work in one transaction on a plain JDBC connection, where each named
     * statement is prepared once for the whole transaction instead of once per execution (a group
     * of webhook deliveries, the results of a batch of jobs). Helidon DbClient prepares a statement
     * on every execution, which is what a batch exists to avoid.
     */
    public <T> T batch(Function<Exec, T> work) {
        return batch(false, work);
    }

    /**
     * A {@link #batch} of webhook intake, which goes before other writes on SQLite (see
     * {@link #announceIntake}).
     */
    <T> T intakeBatch(Function<Exec, T> work) {
        return batch(true, work);
    }

    private <T> T batch(boolean intake, Function<Exec, T> work) {
        return jdbc(intake, c -> {
            JdbcExec exec = new JdbcExec(c);
            try {
                return work.apply(exec);
            } finally {
                exec.closeStatements();
            }
        });
    }

    /**
     * Webhook intake is on its way to an {@link #intakeBatch}: on SQLite, other writers of this
     * process hold back (each for at most {@link #YIELD_TO_INTAKE} per turn) until every
     * announcement is {@linkplain #withdrawIntake withdrawn}. No-op on PostgreSQL.
     */
    void announceIntake() {
        if (sqliteWriter != null) {
            sqliteWriter.announce();
        }
    }

    /** The intake announced earlier is done, stored or failed. */
    void withdrawIntake() {
        if (sqliteWriter != null) {
            sqliteWriter.withdraw();
        }
    }

    /** For tests: intake announced and not yet withdrawn (always 0 on PostgreSQL). */
    int announcedIntake() {
        return sqliteWriter == null ? 0 : sqliteWriter.announced();
    }

    private Connection connection() throws SQLException {
        Connection c = dataSource.getConnection();
        return dialect == Dialect.SQLITE && dataSource instanceof HikariDataSource pool
                ? SqliteEvictions.guard(c, pool) : c;
    }

    /** A unit of plain JDBC work. */
    @FunctionalInterface
    public interface JdbcWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    public RuntimeException translate(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransientFailureException tfe) {
                return tfe;
            }
            if (t instanceof SQLException sql) {
                if (dialect.isTransient(sql)) {
                    return new TransientFailureException("database busy or unreachable: " + sql.getMessage(), e);
                }
                return e instanceof StoreException ? e : new StoreException("database failure: " + sql.getMessage(), e);
            }
        }
        // Keep the client library's exception types inside the store.
        return e instanceof DbClientException ? new StoreException("database failure: " + e.getMessage(), e) : e;
    }

    /** A deadlock or serialization failure: the database gave up one transaction in favour of another. */
    public boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    public boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && dialect.isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    /** Named statements on one execution context (autocommit, a transaction, or a batch). */
    public abstract sealed class Exec permits DbClientExec, JdbcExec {

        /** The rows of a query, read in full. */
        public abstract List<Row> query(String name, Params params);

        /** Runs an INSERT, UPDATE or DELETE; returns the rows changed. */
        public abstract long dml(String name, Params params);

        public <T> List<T> query(String name, Params params, Function<Row, T> mapper) {
            return query(name, params).stream().map(mapper).toList();
        }

        public Optional<Row> get(String name, Params params) {
            List<Row> rows = query(name, params);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
        }

        public <T> Optional<T> get(String name, Params params, Function<Row, T> mapper) {
            return get(name, params).map(mapper);
        }

        /** Runs an INSERT ... RETURNING id; empty when the insert was skipped by ON CONFLICT DO NOTHING. */
        public Optional<Long> insertReturningId(String name, Params params) {
            return get(name, params).map(r -> r.lng("id"));
        }

        public long count(String name, Params params) {
            return get(name, params).map(r -> r.lng("n")).orElse(0L);
        }

        /** One page: the items query with limit/offset and the count query over the same filters. */
        public <T> Page<T> page(String itemsName, String countName, Params params, PageRequest page,
                                Function<Row, T> mapper) {
            long total = count(countName, params);
            List<T> items = query(itemsName, params.page(page), mapper);
            return Page.of(items, page, total);
        }
    }

    /** Statements through Helidon DbClient: the normal path. */
    final class DbClientExec extends Exec {

        private final DbExecute exec;

        DbClientExec(DbExecute exec) {
            this.exec = exec;
        }

        @Override
        public List<Row> query(String name, Params params) {
            NamedSql sql = statements.prepared(name);
            try (Stream<DbRow> rows = exec.createQuery(sql.sql()).params(sql.bind(params.map())).execute()) {
                return rows.map(r -> Row.of(r, dialect)).toList();
            }
        }

        @Override
        public long dml(String name, Params params) {
            NamedSql sql = statements.prepared(name);
            return exec.createDmlStatement(sql.sql()).params(sql.bind(params.map())).execute();
        }
    }

    /** Statements of a {@linkplain #batch batch}: plain JDBC, each prepared once per transaction. */
    final class JdbcExec extends Exec {

        private final Connection connection;
        private final Map<String, PreparedStatement> prepared = new HashMap<>();
        private final Map<String, String[]> columns = new HashMap<>();

        JdbcExec(Connection connection) {
            this.connection = connection;
        }

        @Override
        public List<Row> query(String name, Params params) {
            try {
                PreparedStatement ps = bound(name, params);
                try (ResultSet rs = ps.executeQuery()) {
                    String[] labels = columns.get(name);
                    if (labels == null) {
                        labels = labels(rs.getMetaData());
                        columns.put(name, labels);
                    }
                    List<Row> rows = new ArrayList<>();
                    while (rs.next()) {
                        Map<String, Object> values = HashMap.newHashMap(labels.length);
                        for (int i = 0; i < labels.length; i++) {
                            values.put(labels[i], rs.getObject(i + 1));
                        }
                        rows.add(Row.of(values, dialect));
                    }
                    return rows;
                }
            } catch (SQLException e) {
                throw new StoreException("statement " + name + " failed: " + e.getMessage(), e);
            }
        }

        @Override
        public long dml(String name, Params params) {
            try {
                return bound(name, params).executeLargeUpdate();
            } catch (SQLException e) {
                throw new StoreException("statement " + name + " failed: " + e.getMessage(), e);
            }
        }

        private PreparedStatement bound(String name, Params params) throws SQLException {
            NamedSql sql = statements.prepared(name);
            PreparedStatement ps = prepared.get(name);
            if (ps == null) {
                ps = connection.prepareStatement(sql.sql());
                prepared.put(name, ps);
            }
            List<Object> values = sql.bind(params.map());
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            return ps;
        }

        private static String[] labels(ResultSetMetaData meta) throws SQLException {
            String[] labels = new String[meta.getColumnCount()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = meta.getColumnLabel(i + 1).toLowerCase(Locale.ROOT);
            }
            return labels;
        }

        void closeStatements() {
            for (PreparedStatement ps : prepared.values()) {
                try {
                    ps.close();
                } catch (SQLException ignored) {
                    // The connection goes back to the pool, which closes what is left open.
                }
            }
            prepared.clear();
        }
    }
}
