package io.trackctl.cli;

import io.trackctl.server.ServerSettings;
import io.trackctl.server.SettingsLoader;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every command that works on the data shares. Settings are read the way the server
 * reads them ({@link SettingsLoader}: flags, then {@code TRACKCTL_*}, then {@code application.yaml}),
 * so the command line and {@code serve} agree on the database and the keys.
 */
public final class DataOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory (default ./trackctl-data; env TRACKCTL_DATA_DIR).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Database: jdbc:sqlite:FILE or jdbc:postgresql://... (default: SQLite in the data"
                    + " directory; env TRACKCTL_DB).")
    String db;

    @Option(names = "--config", paramLabel = "FILE", description = "An application.yaml with settings.")
    Path configFile;

    /** The settings with nothing but these options given as flags. */
    ServerSettings settings() {
        return settings(null, null, null, null, null);
    }

    ServerSettings settings(Integer port, String redis, String key, String url, List<String> webhookKeys) {
        return SettingsLoader.load(new SettingsLoader.Flags(port, dataDir, db, redis, key, url, webhookKeys,
                configFile), System.getenv());
    }
}
