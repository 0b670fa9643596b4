package io.trackctl.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import io.trackctl.store.StoreConfig;

/** Pool settings for PostgreSQL. */
public final class PostgresPool {

    private PostgresPool() {
    }

    public static HikariConfig configure(StoreConfig config) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.jdbcUrl());
        hc.setMaximumPoolSize(config.poolSize());
        hc.setPoolName("trackctl-postgresql");
        hc.setConnectionTimeout(Math.max(250, config.connectTimeout().toMillis()));
        if (config.user() != null) {
            hc.setUsername(config.user());
        }
        if (config.password() != null) {
            hc.setPassword(config.password());
        }
        hc.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, config.connectTimeout().toSeconds())));
        hc.addDataSourceProperty("ApplicationName", "trackctl");
        return hc;
    }
}
