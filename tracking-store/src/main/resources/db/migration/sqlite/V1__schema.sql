-- trackctl schema (SQLite). Times are fixed-width ISO-8601 UTC text (microseconds), so text order is time order.

CREATE TABLE shops (
    id                  INTEGER PRIMARY KEY,
    name                TEXT        NOT NULL,
    platform            TEXT,
    store_url           TEXT,
    timezone            TEXT,
    status              TEXT        NOT NULL DEFAULT 'ACTIVE',
    api_key_sealed      TEXT,
    api_key_hint        TEXT,
    api_secret_sealed   TEXT,
    api_secret_hint     TEXT,
    access_token_sealed TEXT,
    access_token_hint   TEXT,
    deleted_at          TEXT,
    created_at          TEXT        NOT NULL,
    updated_at          TEXT        NOT NULL
);
CREATE INDEX shops_platform_idx ON shops (lower(platform));

CREATE TABLE carriers (
    id         INTEGER PRIMARY KEY,
    code       TEXT        NOT NULL UNIQUE,
    name       TEXT        NOT NULL,
    track_key  INTEGER UNIQUE,
    country    TEXT,
    homepage   TEXT,
    created_at TEXT        NOT NULL,
    updated_at TEXT        NOT NULL
);

CREATE TABLE orders (
    id           INTEGER PRIMARY KEY,
    shop_id      BIGINT      NOT NULL REFERENCES shops (id),
    external_id  TEXT        NOT NULL,
    order_number TEXT,
    ordered_at   TEXT,
    created_at   TEXT        NOT NULL,
    updated_at   TEXT        NOT NULL,
    CONSTRAINT orders_shop_external_uq UNIQUE (shop_id, external_id)
);
CREATE INDEX orders_shop_created_idx ON orders (shop_id, created_at);

CREATE TABLE parcels (
    id         INTEGER PRIMARY KEY,
    order_id   BIGINT      NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    parcel_no  TEXT        NOT NULL,
    created_at TEXT        NOT NULL,
    updated_at TEXT        NOT NULL,
    CONSTRAINT parcels_order_no_uq UNIQUE (order_id, parcel_no)
);

CREATE TABLE tracking_numbers (
    id                    INTEGER PRIMARY KEY,
    shop_id               BIGINT      NOT NULL REFERENCES shops (id),
    order_id              BIGINT REFERENCES orders (id) ON DELETE SET NULL,
    parcel_id             BIGINT REFERENCES parcels (id) ON DELETE SET NULL,
    number                TEXT        NOT NULL,
    carrier_id            BIGINT REFERENCES carriers (id) ON DELETE SET NULL,
    carrier_key           INTEGER,
    source                TEXT        NOT NULL,
    track_status          TEXT        NOT NULL DEFAULT 'UNKNOWN',
    sub_status            TEXT        NOT NULL DEFAULT 'UNKNOWN',
    raw_status            TEXT,
    latest_event_at       TEXT,
    latest_event_text     TEXT,
    latest_event_location TEXT,
    shipped_at            TEXT,
    delivered_at          TEXT,
    providers_hash        BIGINT,
    snapshot_rank         TEXT,
    tracking_stopped      INTEGER     NOT NULL DEFAULT 0,
    registration_state    TEXT        NOT NULL DEFAULT 'PENDING',
    registration_error    TEXT,
    last_sync_at          TEXT,
    created_at            TEXT        NOT NULL,
    updated_at            TEXT        NOT NULL,
    CONSTRAINT tracking_numbers_shop_number_uq UNIQUE (shop_id, number)
);
CREATE INDEX tracking_numbers_number_idx ON tracking_numbers (number);
CREATE INDEX tracking_numbers_shop_updated_idx ON tracking_numbers (shop_id, updated_at);
CREATE INDEX tracking_numbers_status_updated_idx ON tracking_numbers (track_status, updated_at);
CREATE INDEX tracking_numbers_updated_idx ON tracking_numbers (updated_at);
CREATE INDEX tracking_numbers_sync_idx ON tracking_numbers (last_sync_at);

CREATE TABLE tracking_events (
    id           INTEGER PRIMARY KEY,
    tracking_id  BIGINT      NOT NULL REFERENCES tracking_numbers (id) ON DELETE CASCADE,
    time_utc     TEXT        NOT NULL,
    time_local   TEXT,
    description  TEXT        NOT NULL,
    location     TEXT,
    stage        TEXT,
    sub_status   TEXT,
    provider_key INTEGER     NOT NULL,
    content_hash TEXT        NOT NULL,
    created_at   TEXT        NOT NULL,
    updated_at   TEXT        NOT NULL,
    CONSTRAINT tracking_events_identity_uq UNIQUE (tracking_id, time_utc, provider_key, content_hash)
);

CREATE TABLE tracking_webhook_logs (
    id             INTEGER PRIMARY KEY,
    received_at    TEXT        NOT NULL,
    remote_address TEXT,
    verdict        TEXT        NOT NULL,
    event_type     TEXT,
    number         TEXT,
    carrier        INTEGER,
    dedupe_key     TEXT,
    outcome        TEXT        NOT NULL,
    body           BLOB,
    body_truncated INTEGER     NOT NULL DEFAULT 0,
    error          TEXT,
    processed_at   TEXT,
    created_at     TEXT        NOT NULL,
    updated_at     TEXT        NOT NULL
);
CREATE INDEX webhook_logs_received_idx ON tracking_webhook_logs (received_at);
CREATE INDEX webhook_logs_outcome_idx ON tracking_webhook_logs (outcome, received_at);
CREATE INDEX webhook_logs_number_idx ON tracking_webhook_logs (number);

CREATE TABLE webhook_dedupe_keys (
    dedupe_key  TEXT PRIMARY KEY,
    delivery_id BIGINT      NOT NULL,
    created_at  TEXT        NOT NULL,
    updated_at  TEXT        NOT NULL
);

CREATE TABLE import_jobs (
    id          INTEGER PRIMARY KEY,
    shop_id     BIGINT      NOT NULL REFERENCES shops (id),
    source      TEXT        NOT NULL,
    file_name   TEXT,
    stored_path TEXT,
    status      TEXT        NOT NULL,
    total       BIGINT      NOT NULL DEFAULT 0,
    processed   BIGINT      NOT NULL DEFAULT 0,
    succeeded   BIGINT      NOT NULL DEFAULT 0,
    failed      BIGINT      NOT NULL DEFAULT 0,
    duplicate   BIGINT      NOT NULL DEFAULT 0,
    error       TEXT,
    started_at  TEXT,
    finished_at TEXT,
    created_at  TEXT        NOT NULL,
    updated_at  TEXT        NOT NULL
);
CREATE INDEX import_jobs_status_idx ON import_jobs (status);

CREATE TABLE import_row_errors (
    id          INTEGER PRIMARY KEY,
    job_id      BIGINT      NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
    line_number BIGINT      NOT NULL,
    raw_line    TEXT,
    reason      TEXT        NOT NULL,
    created_at  TEXT        NOT NULL,
    updated_at  TEXT        NOT NULL
);
CREATE INDEX import_row_errors_job_idx ON import_row_errors (job_id, line_number);

CREATE TABLE sync_jobs (
    id              INTEGER PRIMARY KEY,
    kind            TEXT        NOT NULL,
    job_trigger     TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    tracking_id     BIGINT,
    ref_id          BIGINT,
    attempts        INTEGER     NOT NULL DEFAULT 0,
    max_attempts    INTEGER     NOT NULL,
    next_attempt_at TEXT        NOT NULL,
    last_error      TEXT,
    locked_by       TEXT,
    locked_until    TEXT,
    finished_at     TEXT,
    created_at      TEXT        NOT NULL,
    updated_at      TEXT        NOT NULL
);
CREATE INDEX sync_jobs_runnable_idx ON sync_jobs (status, next_attempt_at);
CREATE INDEX sync_jobs_lease_idx ON sync_jobs (status, locked_until);
CREATE INDEX sync_jobs_tracking_idx ON sync_jobs (tracking_id);

CREATE TABLE alerts (
    id         INTEGER PRIMARY KEY,
    kind       TEXT        NOT NULL,
    message    TEXT        NOT NULL,
    job_id     BIGINT,
    created_at TEXT        NOT NULL,
    updated_at TEXT        NOT NULL
);
CREATE INDEX alerts_created_idx ON alerts (created_at);

-- Keyword search without a full scan: an FTS5 trigram index over the number, kept in step by triggers.
CREATE VIRTUAL TABLE tracking_numbers_fts USING fts5(number, content='tracking_numbers', content_rowid='id', tokenize='trigram');

CREATE TRIGGER tracking_numbers_fts_insert AFTER INSERT ON tracking_numbers BEGIN
    INSERT INTO tracking_numbers_fts (rowid, number) VALUES (new.id, new.number);
END;

CREATE TRIGGER tracking_numbers_fts_delete AFTER DELETE ON tracking_numbers BEGIN
    INSERT INTO tracking_numbers_fts (tracking_numbers_fts, rowid, number) VALUES ('delete', old.id, old.number);
END;

CREATE TRIGGER tracking_numbers_fts_update AFTER UPDATE OF number ON tracking_numbers BEGIN
    INSERT INTO tracking_numbers_fts (tracking_numbers_fts, rowid, number) VALUES ('delete', old.id, old.number);
    INSERT INTO tracking_numbers_fts (rowid, number) VALUES (new.id, new.number);
END;
