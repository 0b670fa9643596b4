package io.trackctl.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that works on a data directory shares. */
public final class DataOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory (default ./trackctl-data; env TRACKCTL_DATA_DIR).")
    Path dataDir;

    @Option(names = "--config", paramLabel = "FILE", description = "An application.yaml with settings.")
    Path configFile;
}
