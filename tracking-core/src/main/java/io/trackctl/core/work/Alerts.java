package io.trackctl.core.work;

import io.trackctl.core.model.Alert;
import io.trackctl.core.port.AlertSink;
import io.trackctl.core.port.AlertStore;
import java.time.Instant;
import java.util.List;

/**
 * Raises alerts: a log line, an {@code alerts} row, and every configured sink (an alert webhook).
 * An alert that cannot be stored (the database is what failed) still reaches the log and the sinks.
 */
public final class Alerts {

    private static final System.Logger LOG = System.getLogger(Alerts.class.getName());

    private final AlertStore store;
    private final List<AlertSink> sinks;

    public Alerts(AlertStore store, List<AlertSink> sinks) {
        this.store = store;
        this.sinks = List.copyOf(sinks);
    }

    public Alert raise(String kind, String message, Long jobId) {
        LOG.log(System.Logger.Level.WARNING, "ALERT {0}: {1}", kind, message);
        Alert alert;
        try {
            alert = store.saveAlert(kind, message, jobId);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "alert not stored: {0}", e.getMessage());
            alert = new Alert(0, kind, message, jobId, Instant.now());
        }
        for (AlertSink sink : sinks) {
            try {
                sink.publish(alert);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "alert sink {0} failed: {1}",
                        sink.getClass().getSimpleName(), e.getMessage());
            }
        }
        return alert;
    }
}
