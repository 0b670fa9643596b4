package io.trackctl.store.internal;

import io.trackctl.core.model.Alert;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.port.AlertStore;

/** Alerts, newest first. */
public final class SqlAlertStore implements AlertStore {

    private final Db db;

    public SqlAlertStore(Db db) {
        this.db = db;
    }

    @Override
    public Alert saveAlert(String kind, String message, Long jobId) {
        var now = db.now();
        long id = db.write(x -> x.insertReturningId("alert.insert", db.params().put("kind", kind)
                .put("message", message).put("job_id", jobId).put("now", now)).orElseThrow());
        return new Alert(id, kind, message, jobId, now);
    }

    @Override
    public Page<Alert> listAlerts(PageRequest page) {
        return db.read(x -> x.page("alert.list", "alert.count", db.params(), page, Mappers::alert));
    }
}
