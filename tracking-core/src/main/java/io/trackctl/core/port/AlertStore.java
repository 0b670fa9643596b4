package io.trackctl.core.port;

import io.trackctl.core.model.Alert;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;

/** Storage of alerts. */
public interface AlertStore {

    Alert saveAlert(String kind, String message, Long jobId);

    Page<Alert> listAlerts(PageRequest page);
}
