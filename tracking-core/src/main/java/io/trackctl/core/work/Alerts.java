package io.trackctl.core.work;

import io.trackctl.core.model.Alert;
import io.trackctl.core.port.AlertSink;
import io.trackctl.core.port.AlertStore;
import java.util.List;

/** Raises alerts: an {@code alerts} row, a log line, and every configured sink (an alert webhook). */
public final class Alerts {

    private static final System.Logger LOG = System.getLogger(Alerts.class.getName());

    private final AlertStore store;
    private final List<AlertSink> sinks;

    public Alerts(AlertStore store, List<AlertSink> sinks) {
        this.store = store;
        this.sinks = List.copyOf(sinks);
    }

    public Alert raise(String kind, String message, Long jobId) {
        Alert alert = store.saveAlert(kind, message, jobId);
        LOG.log(System.Logger.Level.WARNING, "ALERT {0}: {1}", kind, message);
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
