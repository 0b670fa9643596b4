package io.trackctl.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.service.Caller;
import io.trackctl.core.service.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One API call as a handler sees it: who calls, path and query parameters checked and converted,
 * the JSON body read with a size limit. Every bad value becomes a 400 naming the parameter.
 */
public final class ApiRequest {

    private final ServerRequest request;
    private final Caller caller;
    private final long maxBodyBytes;

    ApiRequest(ServerRequest request, Caller caller, long maxBodyBytes) {
        this.request = request;
        this.caller = caller;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The authenticated caller; null only on public routes. */
    public Caller caller() {
        return caller;
    }

    /** The underlying Helidon request, for routes that need headers or the raw stream. */
    public ServerRequest raw() {
        return request;
    }

    /** A path parameter that must be a positive integer id. */
    public long pathId(String name) {
        String raw = request.path().pathParameters().first(name).orElse("");
        return positive(name, raw, "path parameter");
    }

    public Optional<String> query(String name) {
        return request.query().first(name).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** An optional positive integer query parameter. */
    public Long queryId(String name) {
        return query(name).map(v -> positive(name, v, "query parameter")).orElse(null);
    }

    /** An optional ISO-8601 instant query parameter, such as {@code 2025-01-31T00:00:00Z}. */
    public Instant queryInstant(String name) {
        return query(name).map(v -> {
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException e) {
                throw ValidationException.of(name, "must be an ISO-8601 UTC instant such as 2025-01-31T00:00:00Z");
            }
        }).orElse(null);
    }

    public boolean queryFlag(String name) {
        return query(name).map(v -> switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ValidationException.of(name, "must be true or false");
        }).orElse(false);
    }

    /** {@code page} (from 1) and {@code pageSize} (1 to 200, default 20). */
    public PageRequest page() {
        int page = intParam("page", 1, 1, Integer.MAX_VALUE);
        int size = intParam("pageSize", PageRequest.DEFAULT_SIZE, 1, PageRequest.MAX_SIZE);
        return PageRequest.of(page, size);
    }

    /** The JSON body as {@code type}; 415 when it is not JSON, 413 when too large, 400 when malformed. */
    public <T> T body(Class<T> type) {
        return body(type, maxBodyBytes);
    }

    /** The JSON body as {@code type}, with a size limit of its own (for bulk routes). */
    public <T> T body(Class<T> type, long limit) {
        byte[] bytes = jsonBytes(limit);
        try {
            T value = Json.MAPPER.readValue(bytes, type);
            if (value == null) {
                throw ValidationException.of("body", "must be a JSON object");
            }
            return value;
        } catch (MismatchedInputException e) {
            throw ValidationException.of(fieldOf(e), "has a value of the wrong type or format");
        } catch (JsonMappingException e) {
            throw ValidationException.of(fieldOf(e), "cannot be read");
        } catch (JsonProcessingException e) {
            throw ValidationException.of("body", "is not valid JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON body as a tree, for bodies of more than one shape. */
    public JsonNode bodyTree() {
        byte[] bytes = jsonBytes(maxBodyBytes);
        try {
            JsonNode node = Json.MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw ValidationException.of("body", "is required");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ValidationException.of("body", "is not valid JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw body, whatever its type, at most the configured size. */
    public byte[] bodyBytes() {
        return bodyBytes(maxBodyBytes);
    }

    private byte[] bodyBytes(long maxBodyBytes) {
        long declared = request.headers().contentLength().orElse(-1);
        if (declared > maxBodyBytes) {
            throw tooLarge(maxBodyBytes);
        }
        try (InputStream in = request.content().inputStream()) {
            byte[] bytes = Bodies.read(in, declared, (int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (bytes.length > maxBodyBytes) {
                throw tooLarge(maxBodyBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] jsonBytes(long limit) {
        Optional<HttpMediaType> type = request.headers().contentType();
        if (type.isPresent() && !type.get().test(MediaTypes.APPLICATION_JSON)) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be application/json, got " + type.get().mediaType().text());
        }
        byte[] bytes = bodyBytes(limit);
        if (bytes.length == 0) {
            throw ValidationException.of("body", "is required");
        }
        if (type.isEmpty()) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
        }
        return bytes;
    }

    private static ApiException tooLarge(long maxBodyBytes) {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "body is larger than " + maxBodyBytes + " bytes");
    }

    private int intParam(String name, int dflt, int min, int max) {
        Optional<String> raw = query(name);
        if (raw.isEmpty()) {
            return dflt;
        }
        long v;
        try {
            v = Long.parseLong(raw.get());
        } catch (NumberFormatException e) {
            throw ValidationException.of(name, "must be a whole number, got '" + clip(raw.get()) + "'");
        }
        if (v < min || v > max) {
            throw ValidationException.of(name, max == Integer.MAX_VALUE
                    ? "must be " + min + " or more, got " + v
                    : "must be between " + min + " and " + max + ", got " + v);
        }
        return (int) v;
    }

    private static long positive(String name, String raw, String kind) {
        try {
            long v = Long.parseLong(raw);
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ValidationException.of(name, kind + " must be a positive whole number, got '" + clip(raw) + "'");
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static String fieldOf(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.isEmpty() ? "body" : b.toString();
    }
}
