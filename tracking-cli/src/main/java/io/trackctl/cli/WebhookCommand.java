package io.trackctl.cli;

import io.trackctl.core.imports.FlexibleTimes;
import io.trackctl.core.ingest.SnapshotApplier;
import io.trackctl.core.model.DeliveryOutcome;
import io.trackctl.core.model.DeliveryQuery;
import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.JobTrigger;
import io.trackctl.core.model.NewJob;
import io.trackctl.core.model.SignatureVerdict;
import io.trackctl.core.model.WebhookDelivery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trackctl webhook replay}: applies logged webhook deliveries again. */
@Command(name = "webhook", mixinStandardHelpOptions = true, description = "Logged webhook deliveries.",
        subcommands = WebhookCommand.Replay.class)
public final class WebhookCommand {

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Apply logged deliveries again: by id, or by time range, outcome and number.",
                    "Queues one APPLY_WEBHOOK job per delivery for the server's workers, or applies them here with"
                            + " --now. Deliveries that failed the signature check or were cut short are skipped."})
    static final class Replay extends DataCommand {
        @Parameters(paramLabel = "DELIVERY_ID", arity = "0..*", description = "Delivery ids.")
        List<Long> ids = new ArrayList<>();
        @Option(names = "--from", paramLabel = "TIME", description = "Received at or after (ISO-8601).")
        String from;
        @Option(names = "--to", paramLabel = "TIME", description = "Received at or before (ISO-8601).")
        String to;
        @Option(names = "--outcome", paramLabel = "OUTCOME", description = "Only this outcome: ${COMPLETION-CANDIDATES}.")
        DeliveryOutcome outcome;
        @Option(names = "--number", paramLabel = "NUMBER", description = "Only deliveries for this tracking number.")
        String number;
        @Option(names = "--now", description = "Apply in this process instead of queueing jobs.")
        boolean now;

        @Override
        public Integer call() {
            if (ids.isEmpty() && from == null && to == null && outcome == null && number == null) {
                throw new IllegalArgumentException("name delivery ids, or filter with --from, --to, --outcome or --number");
            }
            try (Workspace ws = open()) {
                List<WebhookDelivery> chosen = choose(ws);
                List<Map<String, Object>> rows = new ArrayList<>();
                List<NewJob> jobs = new ArrayList<>();
                int maxAttempts = ws.settings().engine().maxAttempts();
                for (WebhookDelivery d : chosen) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("id", d.id());
                    r.put("number", d.number());
                    r.put("before", d.outcome());
                    if (d.verdict() != SignatureVerdict.VALID || d.bodyTruncated()) {
                        r.put("result", "skipped: " + (d.bodyTruncated() ? "body cut short" : "signature " + d.verdict()));
                    } else if (now) {
                        r.put("result", applied(ws.engine().applier(), d.id()));
                    } else {
                        jobs.add(new NewJob(JobKind.APPLY_WEBHOOK, JobTrigger.MANUAL, null, d.id(), maxAttempts,
                                ws.clock().instant()));
                        r.put("result", "queued");
                    }
                    rows.add(r);
                }
                if (!jobs.isEmpty()) {
                    ws.engine().queue().enqueue(jobs);
                    ws.engine().queue().signal();
                }
                printer().list(rows, List.of("id", "number", "before", "result"));
                return ExitCodes.OK;
            }
        }

        private List<WebhookDelivery> choose(Workspace ws) {
            var log = ws.backend().webhooks();
            List<WebhookDelivery> chosen = new ArrayList<>();
            for (Long id : ids) {
                chosen.add(log.findDelivery(id)
                        .orElseThrow(() -> new CliException(ExitCodes.NOT_FOUND, "no webhook delivery " + id, null)));
            }
            if (from != null || to != null || outcome != null || number != null) {
                DeliveryQuery q = new DeliveryQuery(outcome, number, time("--from", from), time("--to", to));
                Paging all = new Paging();
                all.all = true;
                chosen.addAll(all.fetch(p -> log.listDeliveries(q, p)).items());
            }
            return chosen;
        }

        private static String applied(SnapshotApplier applier, long deliveryId) {
            try {
                SnapshotApplier.Outcome o = applier.applyDelivery(deliveryId);
                return "applied: " + o.numbersMatched() + " numbers, " + o.eventsAdded() + " events added";
            } catch (RuntimeException e) {
                return "failed: " + e.getMessage();
            }
        }

        private static Instant time(String option, String text) {
            if (text == null) {
                return null;
            }
            Instant t = FlexibleTimes.parse(text);
            if (t == null) {
                throw new IllegalArgumentException(option + " must be an ISO-8601 date or time, got '" + text + "'");
            }
            return t;
        }
    }
}
