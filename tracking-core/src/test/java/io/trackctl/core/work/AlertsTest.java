package io.trackctl.core.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.model.Alert;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.port.AlertStore;
import io.trackctl.core.retry.TransientFailureException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertsTest {

    private final List<Alert> published = new ArrayList<>();

    @Test
    void anAlertIsStoredAndPublished() {
        AlertStore store = new AlertStore() {
            @Override
            public Alert saveAlert(String kind, String message, Long jobId) {
                return new Alert(7, kind, message, jobId, Instant.now());
            }

            @Override
            public Page<Alert> listAlerts(PageRequest page) {
                throw new UnsupportedOperationException();
            }
        };

        Alert alert = new Alerts(store, List.of(published::add)).raise("job_failed", "job 3 failed", 3L);

        assertThat(alert.id()).isEqualTo(7);
        assertThat(published).containsExactly(alert);
    }

    @Test
    void anAlertTheDatabaseCannotStoreStillReachesTheSinks() {
        AlertStore down = new AlertStore() {
            @Override
            public Alert saveAlert(String kind, String message, Long jobId) {
                throw new TransientFailureException("database is locked");
            }

            @Override
            public Page<Alert> listAlerts(PageRequest page) {
                throw new UnsupportedOperationException();
            }
        };

        new Alerts(down, List.of(published::add)).raise("job_failed", "job 4 failed", 4L);

        assertThat(published).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("job_failed");
            assertThat(a.jobId()).isEqualTo(4L);
        });
    }
}
