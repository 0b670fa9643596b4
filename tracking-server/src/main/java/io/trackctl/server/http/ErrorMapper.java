package io.trackctl.server.http;

import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.trackctl.core.retry.TransientFailureException;
import io.trackctl.core.service.ConflictException;
import io.trackctl.core.service.ForbiddenException;
import io.trackctl.core.service.NotFoundException;
import io.trackctl.core.service.ServiceException;
import io.trackctl.core.service.ValidationException;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Maps every failure to the envelope, once, for the whole routing. Unexpected failures are logged
 * with their stack trace on the server and answered with a bare 50001: no trace leaves.
 */
public final class ErrorMapper {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    /** An error ready to send. */
    public record ApiError(ErrorCode error, String message, Object data) {

        public Envelope envelope() {
            return Envelope.error(error, message, data);
        }
    }

    private ErrorMapper() {
    }

    /** The Helidon error handler: answers {@code t} in the envelope. */
    public static void handle(ServerRequest req, ServerResponse res, Throwable t) {
        ApiError e = map(t);
        if (e.error() == ErrorCode.INTERNAL) {
            LOG.log(Level.SEVERE, "internal error on " + req.prologue().method().text() + " "
                    + req.path().path(), t);
        }
        send(res, e);
    }

    public static void send(ServerResponse res, ApiError e) {
        Json.send(res, e.error().status(), e.envelope());
    }

    public static ApiError map(Throwable t) {
        return switch (t) {
            case ApiException a -> new ApiError(a.error(), a.getMessage(), a.data());
            case ServiceException s -> service(s);
            case TransientFailureException tf -> new ApiError(ErrorCode.UNAVAILABLE,
                    "a dependency is unavailable, try again later", null);
            case HttpException h -> http(h.status().code(), h.getMessage());
            case RequestException r -> http(r.status().code(), r.safeMessage() ? r.getMessage() : null);
            default -> new ApiError(ErrorCode.INTERNAL, "internal error", null);
        };
    }

    private static ApiError service(ServiceException s) {
        return switch (s) {
            case ValidationException v -> new ApiError(ErrorCode.VALIDATION, v.getMessage(),
                    Map.of("errors", v.errors()));
            case NotFoundException n -> new ApiError(ErrorCode.NOT_FOUND, n.getMessage(), null);
            case ConflictException c -> new ApiError(ErrorCode.CONFLICT, c.getMessage(), conflictData(c));
            case ForbiddenException f -> new ApiError(ErrorCode.FORBIDDEN, f.getMessage(), null);
        };
    }

    private static Object conflictData(ConflictException c) {
        if (c.existingId() == null) {
            return null;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("existingId", c.existingId());
        return data;
    }

    /** A status Helidon raised by itself, mapped to the nearest code of the table. */
    static ApiError http(int status, String message) {
        ErrorCode code = switch (status) {
            case 400 -> ErrorCode.VALIDATION;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 409 -> ErrorCode.CONFLICT;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 503 -> ErrorCode.UNAVAILABLE;
            default -> status >= 400 && status < 500 ? ErrorCode.VALIDATION : ErrorCode.INTERNAL;
        };
        String safe = code == ErrorCode.INTERNAL || message == null || message.isBlank()
                ? defaultMessage(code) : message;
        Object data = code == ErrorCode.VALIDATION
                ? Map.of("errors", List.of(new ValidationException.FieldError("request", safe))) : null;
        return new ApiError(code, safe, data);
    }

    private static String defaultMessage(ErrorCode code) {
        return switch (code) {
            case VALIDATION -> "bad request";
            case UNAUTHORIZED -> "missing or invalid token";
            case BAD_SIGNATURE -> "bad signature";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not found";
            case METHOD_NOT_ALLOWED -> "method not allowed";
            case CONFLICT -> "conflict";
            case PAYLOAD_TOO_LARGE -> "payload too large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported media type";
            case RATE_LIMITED -> "too many requests";
            case INTERNAL -> "internal error";
            case UNAVAILABLE -> "service unavailable";
        };
    }
}
