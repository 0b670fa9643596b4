package io.trackctl.core.port;

import io.trackctl.core.model.Alert;

/** Where raised alerts go besides the alerts table: a log, an alert webhook. */
public interface AlertSink {

    void publish(Alert alert);
}
