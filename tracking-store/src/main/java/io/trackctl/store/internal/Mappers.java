package io.trackctl.store.internal;

import io.trackctl.core.model.Alert;
import io.trackctl.core.model.Carrier;
import io.trackctl.core.model.Credential;
import io.trackctl.core.model.DeliveryOutcome;
import io.trackctl.core.model.ImportCounts;
import io.trackctl.core.model.ImportJob;
import io.trackctl.core.model.ImportRowError;
import io.trackctl.core.model.ImportStatus;
import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.JobStatus;
import io.trackctl.core.model.JobTrigger;
import io.trackctl.core.model.Order;
import io.trackctl.core.model.Parcel;
import io.trackctl.core.model.RegistrationState;
import io.trackctl.core.model.Shop;
import io.trackctl.core.model.ShopStatus;
import io.trackctl.core.model.SignatureVerdict;
import io.trackctl.core.model.SyncJob;
import io.trackctl.core.model.TrackingEvent;
import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.model.WebhookDelivery;
import io.trackctl.core.rules.TrackingState;
import io.trackctl.core.status.MainStatus;
import io.trackctl.core.status.SubStatus;
import io.trackctl.core.status.TrackStatus;

import java.time.OffsetDateTime;

/** Rows to core records. */
final class Mappers {

    private Mappers() {
    }

    static Shop shop(Row r) {
        return new Shop(r.lng("id"), r.str("name"), r.str("platform"), r.str("store_url"), r.str("timezone"),
                r.enumOf(ShopStatus.class, "status"),
                credential(r, "api_key"), credential(r, "api_secret"), credential(r, "access_token"),
                r.time("created_at"), r.time("updated_at"));
    }

    private static Credential credential(Row r, String prefix) {
        String sealed = r.str(prefix + "_sealed");
        return sealed == null ? null : new Credential(sealed, r.str(prefix + "_hint"));
    }

    static Carrier carrier(Row r) {
        return new Carrier(r.lng("id"), r.str("code"), r.str("name"), r.intOrNull("track_key"), r.str("country"),
                r.str("homepage"), r.time("created_at"), r.time("updated_at"));
    }

    static Order order(Row r) {
        return new Order(r.lng("id"), r.lng("shop_id"), r.str("external_id"), r.str("order_number"),
                r.time("ordered_at"), r.time("created_at"), r.time("updated_at"));
    }

    static Parcel parcel(Row r) {
        return new Parcel(r.lng("id"), r.lng("order_id"), r.str("parcel_no"), r.time("created_at"));
    }

    static TrackingNumber tracking(Row r) {
        TrackingState state = new TrackingState(
                status(r.str("track_status"), r.str("sub_status"), r.str("raw_status")),
                r.time("latest_event_at"), r.str("latest_event_text"), r.str("latest_event_location"),
                r.time("delivered_at"), r.lngOrNull("providers_hash"), r.str("snapshot_rank"),
                r.bool("tracking_stopped"));
        return new TrackingNumber(r.lng("id"), r.lng("shop_id"), r.lngOrNull("order_id"), r.lngOrNull("parcel_id"),
                r.str("number"), r.lngOrNull("carrier_id"), r.intOrNull("carrier_key"), r.str("source"), state,
                r.time("shipped_at"), r.enumOf(RegistrationState.class, "registration_state"),
                r.str("registration_error"), r.time("last_sync_at"), r.time("created_at"), r.time("updated_at"));
    }

    /** The parsed statuses come from their columns, the raw texts from {@code raw_status} ("Main/Sub"). */
    static TrackStatus status(String main, String sub, String raw) {
        String rawMain = null;
        String rawSub = null;
        if (raw != null) {
            int slash = raw.indexOf('/');
            rawMain = slash < 0 ? raw : raw.substring(0, slash);
            rawSub = slash < 0 ? null : raw.substring(slash + 1);
            rawMain = rawMain.isEmpty() ? null : rawMain;
            rawSub = rawSub == null || rawSub.isEmpty() ? null : rawSub;
        }
        return new TrackStatus(main == null ? MainStatus.UNKNOWN : MainStatus.valueOf(main),
                sub == null ? SubStatus.UNKNOWN : SubStatus.valueOf(sub), rawMain, rawSub);
    }

    static TrackingEvent event(Row r) {
        String local = r.str("time_local");
        return new TrackingEvent(r.lng("id"), r.lng("tracking_id"), r.time("time_utc"),
                local == null ? null : OffsetDateTime.parse(local), r.str("description"), r.str("location"),
                r.str("stage"), r.str("sub_status"), r.intOrNull("provider_key"), r.str("content_hash"),
                r.time("created_at"));
    }

    static ImportJob importJob(Row r) {
        ImportCounts counts = new ImportCounts(r.lng("total"), r.lng("processed"), r.lng("succeeded"),
                r.lng("failed"), r.lng("duplicate"));
        return new ImportJob(r.lng("id"), r.lng("shop_id"), r.str("source"), r.str("file_name"),
                r.str("stored_path"), r.enumOf(ImportStatus.class, "status"), counts, r.str("error"),
                r.time("created_at"), r.time("started_at"), r.time("finished_at"), r.time("updated_at"));
    }

    static ImportRowError rowError(Row r) {
        return new ImportRowError(r.lng("job_id"), r.lng("line_number"), r.str("raw_line"), r.str("reason"));
    }

    static SyncJob job(Row r) {
        return new SyncJob(r.lng("id"), r.enumOf(JobKind.class, "kind"), r.enumOf(JobTrigger.class, "job_trigger"),
                r.enumOf(JobStatus.class, "status"), r.lngOrNull("tracking_id"), r.lngOrNull("ref_id"),
                r.intOrNull("attempts"), r.intOrNull("max_attempts"), r.time("next_attempt_at"),
                r.str("last_error"), r.str("locked_by"), r.time("locked_until"), r.time("created_at"),
                r.time("updated_at"), r.time("finished_at"));
    }

    static WebhookDelivery delivery(Row r) {
        return new WebhookDelivery(r.lng("id"), r.time("received_at"), r.str("remote_address"),
                r.enumOf(SignatureVerdict.class, "verdict"), r.str("event_type"), r.str("number"),
                r.intOrNull("carrier"), r.str("dedupe_key"), r.enumOf(DeliveryOutcome.class, "outcome"),
                r.bytes("body"), r.bool("body_truncated"), r.str("error"), r.time("processed_at"));
    }

    static Alert alert(Row r) {
        return new Alert(r.lng("id"), r.str("kind"), r.str("message"), r.lngOrNull("job_id"), r.time("created_at"));
    }
}
