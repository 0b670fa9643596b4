package io.trackctl.core.service;

import io.trackctl.core.model.Carrier;
import io.trackctl.core.model.NewCarrier;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.port.CarrierStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** The carrier catalogue: anyone may search it, only administrators may change it. */
public final class CarrierService {

    /** The largest number of carriers one import may carry. */
    public static final int MAX_IMPORT = 10_000;
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final CarrierStore carriers;

    public CarrierService(CarrierStore carriers) {
        this.carriers = Objects.requireNonNull(carriers, "carriers");
    }

    /** Carriers whose code or name contains {@code search} (case-insensitive); all when null or blank. */
    public Page<Carrier> list(Caller caller, String search, PageRequest page) {
        String text = search == null || search.isBlank() ? null : search.trim();
        return carriers.searchCarriers(text, page);
    }

    /** Creates a carrier, or updates the one stored with the same code or 17TRACK key. */
    public Carrier create(Caller caller, CarrierInput input) {
        caller.requireAdmin("manage carriers");
        Validator v = new Validator();
        NewCarrier carrier = validate(v, "", input);
        v.check();
        upsert(List.of(carrier));
        return carriers.findCarrierByCode(carrier.code())
                .or(() -> carrier.trackKey() == null ? java.util.Optional.empty()
                        : carriers.findCarrierByKey(carrier.trackKey()))
                .orElseThrow(() -> new IllegalStateException("carrier " + carrier.code() + " vanished after upsert"));
    }

    /** Creates or updates many carriers at once, all or nothing. */
    public CarrierStore.UpsertCounts importAll(Caller caller, List<CarrierInput> inputs) {
        caller.requireAdmin("manage carriers");
        if (inputs.isEmpty()) {
            throw ValidationException.of("carriers", "must contain at least one carrier");
        }
        if (inputs.size() > MAX_IMPORT) {
            throw ValidationException.of("carriers", "must contain at most " + MAX_IMPORT + " carriers");
        }
        Validator v = new Validator();
        List<NewCarrier> valid = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            NewCarrier c = validate(v, "carriers[" + i + "].", inputs.get(i));
            if (c != null) {
                valid.add(c);
            }
        }
        v.check();
        return upsert(valid);
    }

    /** The store refuses to move a 17TRACK key that another code owns: a conflict the caller can fix. */
    private CarrierStore.UpsertCounts upsert(List<NewCarrier> batch) {
        try {
            return carriers.upsertCarriers(batch);
        } catch (IllegalArgumentException e) {
            throw new ConflictException(e.getMessage(), null);
        }
    }

    /** A carrier by its code, or by its 17TRACK key written as digits. */
    public java.util.Optional<Carrier> resolve(String codeOrKey) {
        if (codeOrKey == null || codeOrKey.isBlank()) {
            return java.util.Optional.empty();
        }
        String t = codeOrKey.trim();
        if (t.chars().allMatch(Character::isDigit) && t.length() <= 9) {
            java.util.Optional<Carrier> byKey = carriers.findCarrierByKey(Integer.parseInt(t));
            if (byKey.isPresent()) {
                return byKey;
            }
        }
        return carriers.findCarrierByCode(t.toLowerCase(Locale.ROOT));
    }

    private static NewCarrier validate(Validator v, String prefix, CarrierInput in) {
        if (in == null) {
            v.add(prefix.isEmpty() ? "carrier" : prefix.substring(0, prefix.length() - 1), "must be an object");
            return null;
        }
        int before = errorsMark(v);
        String code = v.text(prefix + "code", in.code(), true, 64);
        if (code != null && !CODE.matcher(code.toLowerCase(Locale.ROOT)).matches()) {
            v.add(prefix + "code", "must be lower-case letters, digits, '.', '_' or '-'");
        }
        String name = v.text(prefix + "name", in.name(), true, 200);
        if (in.trackKey() != null && in.trackKey() <= 0) {
            v.add(prefix + "trackKey", "must be a positive 17TRACK carrier key");
        }
        String country = v.text(prefix + "country", in.country(), false, 2);
        if (country != null && !COUNTRY.matcher(country.toUpperCase(Locale.ROOT)).matches()) {
            v.add(prefix + "country", "must be an ISO 3166-1 alpha-2 code such as US");
        }
        String homepage = v.url(prefix + "homepage", in.homepage());
        if (errorsMark(v) != before) {
            return null;
        }
        return new NewCarrier(code, name, in.trackKey(), country, homepage);
    }

    private static int errorsMark(Validator v) {
        return v.count();
    }
}
