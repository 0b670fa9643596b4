package io.trackctl.cli;

import java.util.List;

/** The commands on the default database: SQLite in the data directory. */
class SqliteCommandsTest extends CommandsContract {

    @Override
    List<String> dataArgs() {
        return List.of("--data-dir", dir.toString());
    }

    @Override
    String jdbcUrl() {
        return "jdbc:sqlite:" + dir.resolve("trackctl.db");
    }
}
