package io.trackctl.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackctl.core.model.DeliveryOutcome;
import io.trackctl.core.model.DeliveryQuery;
import io.trackctl.core.model.NewDelivery;
import io.trackctl.core.model.NewJob;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.WebhookDelivery;
import io.trackctl.core.port.DedupeCache;
import io.trackctl.core.port.JobQueue;
import io.trackctl.core.port.WebhookLog;
import io.trackctl.core.retry.TransientFailureException;
import io.trackctl.core.rules.DedupeKey;
import io.trackctl.core.snapshot.SnapshotReader;
import io.trackctl.core.testing.Fixtures;
import io.trackctl.core.testing.Signatures;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The dedupe layers in front of the log: they learn a key only after the log committed it. */
class WebhookIngestLayersTest {

    private static final byte[] BODY = Fixtures.bytes(Fixtures.UPDATED_DELIVERED);
    private static final DedupeKey KEY = DedupeKey.of(SnapshotReader.readWebhook(BODY));

    private final FakeLog log = new FakeLog();
    private final AtomicInteger signals = new AtomicInteger();
    private final JobQueue queue = (JobQueue) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {JobQueue.class}, (proxy, method, args) -> {
                if (method.getName().equals("signal")) {
                    signals.incrementAndGet();
                    return null;
                }
                throw new UnsupportedOperationException(method.getName());
            });
    private final SignatureVerifier verifier = new SignatureVerifier() {
        @Override
        public boolean verify(byte[] body, String signature) {
            return Signatures.sign(body, Fixtures.SIGNATURE_KEY).equals(signature);
        }

        @Override
        public boolean configured() {
            return true;
        }
    };

    private WebhookIngest ingest(DedupeCache... layers) {
        return new WebhookIngest(log, queue, verifier, List.of(layers), Duration.ofMinutes(5), 3);
    }

    private static IncomingDelivery delivery() {
        return new IncomingDelivery(BODY, Fixtures.UPDATED_DELIVERED_SIGN, null, "127.0.0.1", Instant.now());
    }

    @Test
    void aDeliveryTheLogCouldNotStoreIsNotRememberedSoItsRedeliveryIsAccepted() {
        MemoryDedupeCache memory = new MemoryDedupeCache(100);
        WebhookIngest ingest = ingest(memory);
        log.failuresLeft = 1;

        assertThatThrownBy(() -> ingest.receive(delivery())).isInstanceOf(TransientFailureException.class);
        assertThat(memory.seen(KEY)).isFalse();
        assertThat(signals).hasValue(0);

        assertThat(ingest.receive(delivery())).isInstanceOf(IngestResult.Accepted.class);
        assertThat(memory.seen(KEY)).isTrue();
        assertThat(signals).hasValue(1);
    }

    @Test
    void aKeyAFastLayerRemembersIsLoggedAsDuplicateWithoutAJob() {
        MemoryDedupeCache memory = new MemoryDedupeCache(100);
        WebhookIngest ingest = ingest(memory);

        assertThat(ingest.receive(delivery())).isInstanceOf(IngestResult.Accepted.class);
        assertThat(ingest.receive(delivery())).isInstanceOf(IngestResult.Duplicate.class);

        assertThat(log.verified).hasSize(1);
        assertThat(log.duplicates).hasSize(1);
        assertThat(signals).hasValue(1);
    }

    @Test
    void aFastLayerThatCannotAnswerLeavesTheDecisionToTheLog() {
        DedupeCache down = new DedupeCache() {
            @Override
            public boolean firstSighting(DedupeKey key) {
                throw new IllegalStateException("redis down");
            }

            @Override
            public boolean seen(DedupeKey key) {
                throw new IllegalStateException("redis down");
            }
        };
        WebhookIngest ingest = ingest(down);

        assertThat(ingest.receive(delivery())).isInstanceOf(IngestResult.Accepted.class);
        assertThat(ingest.receive(delivery())).isInstanceOf(IngestResult.Duplicate.class);
        assertThat(log.verified).hasSize(2);
    }

    /** A log with the database's behaviour: the first delivery of a key gets a job, later ones do not. */
    private static final class FakeLog implements WebhookLog {
        final Set<String> keys = new HashSet<>();
        final List<NewDelivery> verified = new ArrayList<>();
        final List<NewDelivery> duplicates = new ArrayList<>();
        int failuresLeft;
        long ids;

        @Override
        public Ingested recordVerified(NewDelivery delivery, NewJob job) {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new TransientFailureException("database is locked");
            }
            verified.add(delivery);
            return keys.add(delivery.dedupeKey()) ? new Accepted(++ids, ids) : new Duplicate(++ids);
        }

        @Override
        public long recordRejected(NewDelivery delivery) {
            return ++ids;
        }

        @Override
        public long recordDuplicate(NewDelivery delivery) {
            duplicates.add(delivery);
            return ++ids;
        }

        @Override
        public void markOutcome(long deliveryId, DeliveryOutcome outcome, String error) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<WebhookDelivery> findDelivery(long id) {
            return Optional.empty();
        }

        @Override
        public Page<WebhookDelivery> listDeliveries(DeliveryQuery query, PageRequest page) {
            throw new UnsupportedOperationException();
        }
    }
}
