package io.trackctl.cli;

import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.service.Caller;
import io.trackctl.core.service.TrackingService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code trackctl show ID|NUMBER}: one tracking number with its event timeline in each event's local time. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a tracking number and its events (newest first, in each event's local time).")
public final class ShowCommand extends DataCommand {

    @Parameters(index = "0", paramLabel = "ID|NUMBER", description = "Tracking id or tracking number.")
    String ref;

    @Override
    public Integer call() {
        try (Workspace ws = open()) {
            TrackingNumber t = TrackingRefs.one(ws.backend().tracking(), ref);
            TrackingService.TrackingDetail d = ws.tracking().detail(Caller.admin(), t.id());
            Map<String, Object> head = Records.tracking(d.tracking());
            head.put("carrier", d.carrier().map(c -> c.name() + " (" + c.code() + ")").orElse(null));
            head.put("order", d.order().map(o -> o.externalId()).orElse(null));
            head.put("shippedAt", d.tracking().shippedAt());
            head.put("deliveredAt", d.tracking().state().deliveredAt());
            head.put("lastSyncAt", d.tracking().lastSyncAt());
            List<Map<String, Object>> events = d.events().items().stream().map(Records::event).toList();
            Printer p = printer();
            if (output.format == OutputOptions.Format.json) {
                Map<String, Object> all = new LinkedHashMap<>(head);
                all.put("events", events);
                p.object(all);
            } else if (output.format == OutputOptions.Format.csv) {
                p.list(events, List.of("localTime", "timeUtc", "status", "description", "location"));
            } else {
                p.object(head);
                out().println();
                out().println("Events (" + d.events().total() + "):");
                p.list(events, Records.EVENT_COLUMNS);
            }
            return ExitCodes.OK;
        }
    }
}
