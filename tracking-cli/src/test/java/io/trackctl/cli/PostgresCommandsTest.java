package io.trackctl.cli;

import io.trackctl.store.testing.PostgresTestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The commands on PostgreSQL, named with {@code --db} (a throwaway database on 127.0.0.1:5432). */
class PostgresCommandsTest extends CommandsContract {

    private PostgresTestDatabase db;

    @BeforeEach
    void createDatabase() {
        db = PostgresTestDatabase.create();
    }

    @AfterEach
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Override
    List<String> dataArgs() {
        return List.of("--data-dir", dir.toString(), "--db", jdbcUrl());
    }

    @Override
    String jdbcUrl() {
        String user = System.getenv().getOrDefault("TRACKCTL_PG_USER", "postgres");
        return db.jdbcUrl() + "?user=" + user;
    }
}
