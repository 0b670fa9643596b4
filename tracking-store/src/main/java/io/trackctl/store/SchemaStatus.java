package io.trackctl.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The schema of a database against the migrations this build ships, read by
 * {@link TrackctlStore#schemaStatus(StoreConfig)} without changing anything.
 *
 * @param databaseExists false for a SQLite file that is not there yet (every migration is then pending)
 * @param migrations     every migration the history records or this build ships, oldest first
 * @param currentVersion the newest version applied, or null when none is
 */
public record SchemaStatus(boolean databaseExists, List<Migration> migrations, String currentVersion) {

    public SchemaStatus {
        migrations = List.copyOf(migrations);
    }

    /**
     * One migration.
     *
     * @param version     its version ({@code 7}), or empty for a migration without one
     * @param description its description, from the script's name
     * @param state       Flyway's name for its state, in lower case: {@code success}, {@code pending},
     *                    {@code failed}, {@code future} (applied by a newer build), ...
     * @param installedOn when it was applied, or null when it was not
     * @param pending     not applied yet
     * @param failed      applied and failed
     */
    public record Migration(String version, String description, String state, Instant installedOn,
                            boolean pending, boolean failed) {

        public Migration {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(state, "state");
        }
    }

    /** How many migrations are still to be applied. */
    public long pending() {
        return migrations.stream().filter(Migration::pending).count();
    }

    /** How many migrations failed. */
    public long failed() {
        return migrations.stream().filter(Migration::failed).count();
    }

    /** Nothing pending and nothing failed. */
    public boolean upToDate() {
        return pending() == 0 && failed() == 0;
    }
}
