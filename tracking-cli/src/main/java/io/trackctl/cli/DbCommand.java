package io.trackctl.cli;

import io.trackctl.server.ServerSettings;
import io.trackctl.server.StoreBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.FlywayException;
import picocli.CommandLine.Command;

/** {@code trackctl db migrate|status}: the database schema, as Flyway sees it. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "The database schema.",
        subcommands = {DbCommand.Migrate.class, DbCommand.Status.class})
public final class DbCommand {

    private static final List<String> COLUMNS = List.of("version", "description", "state", "installedOn");

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = {"Apply pending migrations (serve does this on start too), then show the schema state.",
                    "On SQLite it also adds tracking numbers missing from the keyword index (written by an older "
                            + "trackctl), which takes a pass over every row."})
    static final class Migrate extends DataCommand {
        @Override
        public Integer call() throws IOException {
            ServerSettings settings = data.settings();
            Files.createDirectories(settings.dataDir());
            try (StoreBackend backend = StoreBackend.open(settings)) {
                long added = backend.store().repairKeywordIndex();
                if (added > 0) {
                    printer().note("added " + added + (added == 1 ? " tracking number that was" : " tracking numbers that were")
                            + " missing from the keyword index");
                }
            }
            printer().note("database " + settings.dbForDisplay() + " is up to date");
            return status(this, settings);
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show applied and pending migrations. Ends with exit code 1 when any is pending or failed.")
    static final class Status extends DataCommand {
        @Override
        public Integer call() throws IOException {
            ServerSettings settings = data.settings();
            Files.createDirectories(settings.dataDir());
            return status(this, settings);
        }
    }

    static int status(DataCommand cmd, ServerSettings settings) {
        MigrationInfoService info;
        try {
            info = Flyway.configure()
                    .dataSource(settings.db(), null, null)
                    .locations("classpath:db/migration/" + (settings.db().startsWith("jdbc:sqlite:") ? "sqlite"
                            : "postgresql"))
                    .load()
                    .info();
        } catch (FlywayException e) {
            throw new CliException(ExitCodes.UNAVAILABLE, "cannot read the schema of " + settings.dbForDisplay()
                    + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        int pending = 0;
        int failed = 0;
        for (MigrationInfo m : info.all()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("version", m.getVersion() == null ? "" : m.getVersion().getVersion());
            r.put("description", m.getDescription());
            r.put("state", m.getState().getDisplayName().toLowerCase(java.util.Locale.ROOT));
            r.put("installedOn", m.getInstalledOn() == null ? null : m.getInstalledOn().toInstant());
            rows.add(r);
            if (m.getState() == MigrationState.PENDING) {
                pending++;
            }
            if (m.getState().isFailed()) {
                failed++;
            }
        }
        cmd.printer().list(rows, COLUMNS);
        MigrationInfo current = info.current();
        cmd.printer().note("current version: " + (current == null ? "none" : current.getVersion().getVersion())
                + ", " + pending + " pending" + (failed > 0 ? ", " + failed + " failed" : ""));
        return pending > 0 || failed > 0 ? ExitCodes.FAILURE : ExitCodes.OK;
    }
}
