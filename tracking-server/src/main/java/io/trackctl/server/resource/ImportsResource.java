package io.trackctl.server.resource;

import io.trackctl.core.imports.ImportService;
import io.trackctl.core.model.ImportJob;
import io.trackctl.core.service.Caller;
import io.trackctl.core.service.ValidationException;
import io.trackctl.server.http.ApiRequest;
import io.trackctl.server.http.ApiService;
import io.trackctl.server.http.Reply;
import io.trackctl.server.http.Routes;
import java.nio.file.Path;

/**
 * {@code /imports}: upload a CSV of tracking numbers (stored, then imported by a worker; the
 * answer is the pending import at once), and read an import's progress and its rows in error.
 */
public final class ImportsResource implements ApiService {

    private final ImportService imports;
    private final CsvUpload upload;

    /**
     * @param uploadDir      where uploaded files are kept until imported
     * @param maxUploadBytes the largest upload accepted
     */
    public ImportsResource(ImportService imports, Path uploadDir, long maxUploadBytes) {
        this.imports = imports;
        this.upload = new CsvUpload(uploadDir, maxUploadBytes);
    }

    @Override
    public String path() {
        return "/imports";
    }

    @Override
    public void routes(Routes routes) {
        routes.post("/tracking/csv", this::uploadCsv)
                .get("/{jobId}", this::get);
    }

    private Object uploadCsv(ApiRequest req) {
        Long queryShop = req.queryId("shopId");
        CsvUpload.Stored stored = upload.receive(req.raw());
        try {
            long shopId = shopId(req.caller(), queryShop, stored.shopIdField());
            ImportJob job = imports.submitCsv(req.caller(), shopId, stored.fileName(), stored.file());
            return new Reply(202, ImportViews.ImportView.of(job, null));
        } catch (RuntimeException e) {
            CsvUpload.delete(stored.file());
            throw e;
        }
    }

    private Object get(ApiRequest req) {
        long id = req.pathId("jobId");
        ImportJob job = imports.find(req.caller(), id);
        return ImportViews.ImportView.of(job, imports.errors(req.caller(), id, req.page()));
    }

    private static long shopId(Caller caller, Long fromQuery, String fromForm) {
        if (fromForm != null && !fromForm.isEmpty()) {
            try {
                long v = Long.parseLong(fromForm);
                if (v >= 1) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw ValidationException.of("shopId", "must be a positive whole number");
        }
        if (fromQuery != null) {
            return fromQuery;
        }
        if (caller.scope() != null) {
            return caller.scope();
        }
        throw ValidationException.of("shopId", "is required (a form field or the shopId query parameter)");
    }
}
