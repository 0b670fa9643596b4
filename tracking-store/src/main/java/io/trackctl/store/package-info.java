/**
 * The storage of trackctl on SQLite or PostgreSQL.
 *
 * <p>{@link io.trackctl.store.TrackctlStore#open(io.trackctl.store.StoreConfig)} picks the dialect from
 * the JDBC URL ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://HOST/DB}), migrates the schema
 * with Flyway ({@code db/migration/sqlite} or {@code db/migration/postgresql}) and hands out the
 * storage ports of {@code io.trackctl.core.port}. A database whose Flyway history is exactly the
 * migrations of this build (listed in {@code io/trackctl/store/migrations/*.txt}; a new migration is
 * added there too) is opened without starting Flyway. SQL lives in named statements per dialect
 * ({@code io/trackctl/store/statements/*.sql}); unique violations come back as domain outcomes,
 * busy or unreachable databases as {@link io.trackctl.core.retry.TransientFailureException}, other
 * failures as {@link io.trackctl.store.StoreException}.
 *
 * <pre>{@code
 * try (TrackctlStore store = TrackctlStore.open(StoreConfig.of("jdbc:sqlite:data/trackctl.db"))) {
 *     Shop shop = store.shops().create(newShop);
 *     store.tracking().createTracking(number);
 * }
 * }</pre>
 */
package io.trackctl.store;
