package io.trackctl.client.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Answers {@code POST /track/v2.2/<endpoint>} like 17TRACK: token check, rate limit, injected
 * faults, body checks (a JSON array of at most 40 items), then the endpoint itself.
 */
final class ApiHandler implements HttpHandler {

    static final String BASE_PATH = "/track/v2.2/";

    private final SimulatorConfig config;
    private final SimState state;
    private final Faults faults;
    private final Consumer<RecordedRequest> recorder;
    private final Consumer<List<SimState.Outgoing>> pushes;
    private final ArrayDeque<Long> window = new ArrayDeque<>();

    ApiHandler(SimulatorConfig config, SimState state, Faults faults, Consumer<RecordedRequest> recorder,
               Consumer<List<SimState.Outgoing>> pushes) {
        this.config = config;
        this.state = state;
        this.faults = faults;
        this.recorder = recorder;
        this.pushes = pushes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Instant arrived = Clock.systemUTC().instant();
        long arrivedNanos = System.nanoTime();
        String endpoint = exchange.getRequestURI().getPath().substring(BASE_PATH.length());
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        JsonNode parsed = parse(body);
        int items = parsed != null && parsed.isArray() ? parsed.size() : 0;
        Answer answer = answer(exchange, endpoint, parsed, arrivedNanos);
        recorder.accept(new RecordedRequest(endpoint, arrived, items, answer.status, answer.code));
        byte[] out = answer.body;
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status, out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
        }
    }

    private record Answer(int status, int code, byte[] body) {
    }

    private Answer answer(HttpExchange exchange, String endpoint, JsonNode body, long arrivedNanos) {
        if (!"POST".equals(exchange.getRequestMethod())) {
            return error(405, -18010013, "Only POST is supported.");
        }
        if (faults.takeRateLimited()) {
            return error(429, 429, "Too many requests.");
        }
        if (faults.takeServerError()) {
            return error(500, -18010003, "Internal error. Retry later.");
        }
        if (!config.apiKey().equals(exchange.getRequestHeaders().getFirst("17token"))) {
            return error(401, -18010002, "The security key is invalid.");
        }
        if (!admit(arrivedNanos)) {
            return error(429, 429, "Too many requests.");
        }
        Duration slow = faults.takeSlow();
        if (!slow.isZero()) {
            sleep(slow);
        }
        Answer answer = dispatch(endpoint, body);
        if (answer.status == 200 && faults.takeMalformed()) {
            String cut = new String(answer.body, StandardCharsets.UTF_8);
            return new Answer(200, answer.code, ("<html>" + cut.substring(0, cut.length() / 2))
                    .getBytes(StandardCharsets.UTF_8));
        }
        return answer;
    }

    private Answer dispatch(String endpoint, JsonNode body) {
        switch (endpoint) {
            case "getquota" -> {
                return ok(state.quota());
            }
            case "gettracklist" -> {
                if (body == null || !body.isObject()) {
                    return error(200, -18010013, "The submitted data is invalid: expected a JSON object.");
                }
                return ok(state.trackList(body));
            }
            case "register", "changecarrier", "changeinfo", "stoptrack", "retrack", "deletetrack", "gettrackinfo",
                 "getRealTimeTrackInfo", "push" -> {
                if (body == null || !body.isArray()) {
                    return error(200, -18010013, "The submitted data is invalid: expected a JSON array.");
                }
                if (body.size() > SimState.MAX_ITEMS) {
                    return error(200, -18010014, "The number of items must not exceed " + SimState.MAX_ITEMS + ".");
                }
                return ok(listEndpoint(endpoint, (ArrayNode) body));
            }
            default -> {
                return error(404, 404, "Not found.");
            }
        }
    }

    private ObjectNode listEndpoint(String endpoint, ArrayNode items) {
        return switch (endpoint) {
            case "register" -> state.register(items);
            case "changecarrier" -> state.changeCarrier(items);
            case "changeinfo" -> state.changeInfo(items);
            case "stoptrack" -> state.stopTrack(items);
            case "retrack" -> state.retrack(items);
            case "deletetrack" -> state.deleteTrack(items);
            case "gettrackinfo" -> state.trackInfo(items);
            case "getRealTimeTrackInfo" -> state.realTime(items);
            default -> {
                List<SimState.Outgoing> out = new ArrayList<>();
                ObjectNode answer = state.push(items, out);
                pushes.accept(out);
                yield answer;
            }
        };
    }

    /** Sliding one-second window over admitted requests; refused ones do not count. */
    private synchronized boolean admit(long nanos) {
        int limit = config.rateLimitPerSecond();
        if (limit == 0) {
            return true;
        }
        while (!window.isEmpty() && nanos - window.peekFirst() >= 1_000_000_000L) {
            window.pollFirst();
        }
        if (window.size() >= limit) {
            return false;
        }
        window.addLast(nanos);
        return true;
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return SimJson.MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static Answer ok(ObjectNode root) {
        return new Answer(200, root.path("code").asInt(), SimJson.bytes(root));
    }

    private static Answer error(int status, int code, String message) {
        return new Answer(status, code, SimJson.bytes(Envelopes.error(code, message)));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
