package io.trackctl.store;

import io.trackctl.core.model.Alert;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.port.AlertStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@link AlertStore} contract. */
public abstract class AlertStoreContract extends StoreContractTest {

    @Test
    void alertsAreSavedAndListedNewestFirstWithTotals() {
        Alert first = store.alerts().saveAlert("job_failed", "job 7 failed for good", 7L);
        clock.advance(Duration.ofSeconds(1));
        Alert second = store.alerts().saveAlert("webhook_rejected", "bad signatures", null);

        Page<Alert> page = store.alerts().listAlerts(PageRequest.of(1, 1));

        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).containsExactly(second);
        assertThat(store.alerts().listAlerts(PageRequest.of(2, 1)).items()).containsExactly(first);
        assertThat(first.jobId()).isEqualTo(7L);
        assertThat(first.createdAt()).isEqualTo(second.createdAt().minusSeconds(1));
    }
}
