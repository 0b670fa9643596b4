package io.trackctl.cli;

import io.trackctl.server.ServerSettings;
import io.trackctl.server.StoreBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.trackctl.store.SchemaStatus;
import io.trackctl.store.StoreConfig;
import io.trackctl.store.StoreException;
import io.trackctl.store.TrackctlStore;
import picocli.CommandLine.Command;

/** {@code trackctl db migrate|status}: the database schema, as its migration history records it. */
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
            description = "Show applied and pending migrations, changing nothing. Ends with exit code 1 when any is pending or failed.")
    static final class Status extends DataCommand {
        @Override
        public Integer call() throws IOException {
            // Reads only: a data directory or database that is not there yet is reported, not created.
            return status(this, data.settings());
        }
    }

    static int status(DataCommand cmd, ServerSettings settings) {
        SchemaStatus schema;
        try {
            schema = TrackctlStore.schemaStatus(StoreConfig.of(settings.db()));
        } catch (StoreException e) {
            throw new CliException(ExitCodes.UNAVAILABLE, e.getMessage(), e);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SchemaStatus.Migration m : schema.migrations()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("version", m.version());
            r.put("description", m.description());
            r.put("state", m.state());
            r.put("installedOn", m.installedOn());
            rows.add(r);
        }
        cmd.printer().list(rows, COLUMNS);
        if (!schema.databaseExists()) {
            cmd.printer().note("database " + settings.dbForDisplay() + " does not exist yet; `trackctl db migrate`"
                    + " or the server's first start creates it");
        }
        cmd.printer().note("current version: " + (schema.currentVersion() == null ? "none" : schema.currentVersion())
                + ", " + schema.pending() + " pending" + (schema.failed() > 0 ? ", " + schema.failed() + " failed" : ""));
        return schema.upToDate() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
