package io.trackctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import io.trackctl.core.model.Carrier;
import io.trackctl.core.port.CarrierStore;
import io.trackctl.core.service.Caller;
import io.trackctl.core.service.CarrierInput;
import io.trackctl.server.http.Json;
import io.trackctl.server.resource.CarriersResource;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trackctl carriers list|import}: the carrier catalogue. */
@Command(name = "carriers", mixinStandardHelpOptions = true, description = "The carrier catalogue.",
        subcommands = {CarriersCommand.ListCarriers.class, CarriersCommand.Import.class})
public final class CarriersCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List or search carriers.")
    static final class ListCarriers extends DataCommand {
        @Option(names = "--search", paramLabel = "TEXT", description = "Only codes or names containing this text.")
        String search;
        @Mixin
        Paging paging;

        @Override
        public Integer call() {
            try (Workspace ws = open()) {
                Paging.Result<Carrier> r = paging.fetch(p -> ws.carriers().list(Caller.admin(), search, p));
                r.print(printer(), Records::carrier, Records.CARRIER_COLUMNS);
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Create or update carriers from a file, all or nothing.",
                    "JSON: an array (or {\"carriers\": [...]}) of {code, name, trackKey, country, homepage},"
                            + " or 17TRACK's carrier list ({key, _name, _country_iso, _url}).",
                    "CSV: a header line with code,name,trackKey,country,homepage, or 17TRACK's"
                            + " key,_name,_country_iso,_url."})
    static final class Import extends DataCommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "A .json or .csv file.")
        Path file;

        @Override
        public Integer call() throws IOException {
            List<CarrierInput> inputs = read(file);
            try (Workspace ws = open()) {
                CarrierStore.UpsertCounts counts = ws.carriers().importAll(Caller.admin(), inputs);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("created", counts.created());
                m.put("updated", counts.updated());
                m.put("total", inputs.size());
                printer().object(m);
                return ExitCodes.OK;
            }
        }
    }

    static List<CarrierInput> read(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String head = Files.readString(file, StandardCharsets.UTF_8).stripLeading();
        if (name.endsWith(".json") || head.startsWith("[") || head.startsWith("{")) {
            return json(Json.MAPPER.readTree(head));
        }
        return csv(file);
    }

    private static List<CarrierInput> json(JsonNode body) {
        JsonNode many = body.isArray() ? body : body.isObject() && body.has("carriers") ? body.get("carriers")
                : body.isObject() && body.has("data") ? body.get("data") : null;
        if (many == null || !many.isArray()) {
            throw new IllegalArgumentException("the JSON file must hold an array of carriers or {\"carriers\": [...]}");
        }
        List<CarrierInput> inputs = new ArrayList<>(many.size());
        for (int i = 0; i < many.size(); i++) {
            inputs.add(CarriersResource.parse(many.get(i), "carriers[" + i + "]"));
        }
        return inputs;
    }

    private static List<CarrierInput> csv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(r)) {
            List<String[]> lines = csv.readAll();
            if (lines.isEmpty()) {
                throw new IllegalArgumentException(file + " is empty");
            }
            List<String> header = new ArrayList<>();
            for (String h : lines.getFirst()) {
                header.add(h.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT));
            }
            boolean seventeenTrack = header.contains("key") && header.contains("_name");
            if (!seventeenTrack && (!header.contains("code") || !header.contains("name"))) {
                throw new IllegalArgumentException("the CSV header must name the columns code and name (or key and"
                        + " _name, as 17TRACK's carrier list does)");
            }
            List<CarrierInput> inputs = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                String[] row = lines.get(i);
                if (row.length == 1 && row[0].isBlank()) {
                    continue;
                }
                String key = cell(header, row, seventeenTrack ? "key" : "trackkey");
                if (key != null && !key.matches("\\d{1,9}")) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": the carrier key must be a whole number");
                }
                Integer trackKey = key == null ? null : Integer.valueOf(key);
                inputs.add(seventeenTrack
                        ? CarrierInput.fromSeventeenTrack(trackKey, cell(header, row, "_name"),
                                cell(header, row, "_country_iso"), cell(header, row, "_url"))
                        : new CarrierInput(cell(header, row, "code"), cell(header, row, "name"), trackKey,
                                cell(header, row, "country"), cell(header, row, "homepage")));
            }
            return inputs;
        } catch (CsvException e) {
            throw new IllegalArgumentException(file + " is not valid CSV: " + e.getMessage());
        }
    }

    private static String cell(List<String> header, String[] row, String column) {
        int i = header.indexOf(column);
        if (i < 0 || i >= row.length || row[i].isBlank()) {
            return null;
        }
        return row[i].strip();
    }
}
