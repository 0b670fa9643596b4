package io.trackctl.server.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackctl.core.port.CarrierStore;
import io.trackctl.core.service.CarrierInput;
import io.trackctl.core.service.CarrierService;
import io.trackctl.core.service.ValidationException;
import io.trackctl.server.http.ApiRequest;
import io.trackctl.server.http.ApiService;
import io.trackctl.server.http.Reply;
import io.trackctl.server.http.Routes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /carriers}: search by code or name; create one, or import many in one call. An import is
 * a JSON array, or {@code {"carriers": [...]}}, of records in our format
 * ({@code code, name, trackKey, country, homepage}) or in 17TRACK's carrier-list format
 * ({@code key, _name, _country_iso, _url}).
 */
public final class CarriersResource implements ApiService {

    record ImportView(int created, int updated, int total) {
    }

    private final CarrierService carriers;

    public CarriersResource(CarrierService carriers) {
        this.carriers = carriers;
    }

    @Override
    public String path() {
        return "/carriers";
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/", this::list)
                .post("/", this::create);
    }

    private Object list(ApiRequest req) {
        String search = req.query("search").or(() -> req.query("keyword")).orElse(null);
        return Views.PageView.of(carriers.list(req.caller(), search, req.page()), Views.CarrierView::of);
    }

    private Object create(ApiRequest req) {
        JsonNode body = req.bodyTree();
        JsonNode many = body.isArray() ? body : body.isObject() && body.has("carriers") ? body.get("carriers") : null;
        if (many == null) {
            if (!body.isObject()) {
                throw ValidationException.of("body", "must be a carrier object, an array of carriers, or {\"carriers\": [...]}");
            }
            return Reply.created(Views.CarrierView.of(carriers.create(req.caller(), parse(body, "body"))));
        }
        if (!many.isArray()) {
            throw ValidationException.of("carriers", "must be an array");
        }
        List<CarrierInput> inputs = new ArrayList<>(many.size());
        for (int i = 0; i < many.size(); i++) {
            inputs.add(parse(many.get(i), "carriers[" + i + "]"));
        }
        CarrierStore.UpsertCounts counts = carriers.importAll(req.caller(), inputs);
        return new ImportView(counts.created(), counts.updated(), inputs.size());
    }

    /** One carrier record in our format or in 17TRACK's carrier-list format; {@code where} names it in errors. */
    public static CarrierInput parse(JsonNode node, String where) {
        if (!node.isObject()) {
            throw ValidationException.of(where, "must be an object");
        }
        if (node.has("key") || node.has("_name")) {
            return CarrierInput.fromSeventeenTrack(intOrNull(node.get("key"), where + ".key"), text(node, "_name"),
                    text(node, "_country_iso"), text(node, "_url"));
        }
        return new CarrierInput(text(node, "code"), text(node, "name"), intOrNull(node.get("trackKey"),
                where + ".trackKey"), text(node, "country"), text(node, "homepage"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Integer intOrNull(JsonNode v, String field) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.canConvertToInt() && v.isIntegralNumber()) {
            return v.intValue();
        }
        if (v.isTextual() && v.asText().trim().matches("\\d{1,9}")) {
            return Integer.parseInt(v.asText().trim());
        }
        throw ValidationException.of(field, "must be a whole number");
    }
}
