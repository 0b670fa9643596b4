package io.trackctl.cli;

import io.trackctl.core.imports.FlexibleTimes;
import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.model.TrackingQuery;
import io.trackctl.core.service.Caller;
import io.trackctl.core.status.MainStatus;
import java.time.Instant;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trackctl list}: tracking numbers with the filters of {@code GET /tracking}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List tracking numbers.")
public final class ListCommand extends DataCommand {

    @Option(names = "--shop", paramLabel = "ID", description = "Only this shop's numbers.")
    Long shop;

    @Option(names = "--status", paramLabel = "STATUS",
            description = "Only this status: NotFound, InfoReceived, InTransit, Expired, AvailableForPickup,"
                    + " OutForDelivery, DeliveryFailure, Delivered, Exception.")
    String status;

    @Option(names = "--keyword", paramLabel = "TEXT", description = "Numbers containing this text.")
    String keyword;

    @Option(names = "--updated-from", paramLabel = "TIME", description = "Updated at or after (ISO-8601 date or time).")
    String updatedFrom;

    @Option(names = "--updated-to", paramLabel = "TIME", description = "Updated at or before (ISO-8601 date or time).")
    String updatedTo;

    @Mixin
    Paging paging;

    @Override
    public Integer call() {
        TrackingQuery query = new TrackingQuery(shop, status(), keyword, time("--updated-from", updatedFrom),
                time("--updated-to", updatedTo));
        try (Workspace ws = open()) {
            Paging.Result<TrackingNumber> r = paging.fetch(p -> ws.tracking().list(Caller.admin(), query, p));
            r.print(printer(), Records::tracking, Records.TRACKING_COLUMNS);
            return ExitCodes.OK;
        }
    }

    private MainStatus status() {
        if (status == null) {
            return null;
        }
        MainStatus s = MainStatus.parse(status);
        if (s == MainStatus.UNKNOWN) {
            throw new IllegalArgumentException("--status must be one of " + Arrays.stream(MainStatus.values())
                    .filter(m -> m != MainStatus.UNKNOWN).map(MainStatus::wire).toList() + ", got '" + status + "'");
        }
        return s;
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
