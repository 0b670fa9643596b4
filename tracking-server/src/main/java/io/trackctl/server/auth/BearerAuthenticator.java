package io.trackctl.server.auth;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.trackctl.core.service.Caller;
import io.trackctl.server.http.ApiException;
import io.trackctl.server.http.Authenticator;
import io.trackctl.server.http.ErrorCode;

/** Reads {@code Authorization: Bearer <jwt>} and verifies it with the {@link TokenService}. */
public final class BearerAuthenticator implements Authenticator {

    private final TokenService tokens;

    public BearerAuthenticator(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public Caller authenticate(ServerRequest request) {
        String header = request.headers().first(HeaderNames.AUTHORIZATION).orElse(null);
        if (header == null || header.isBlank()) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "missing bearer token");
        }
        String h = header.trim();
        if (h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "Authorization must be 'Bearer <token>'");
        }
        try {
            return tokens.verify(h.substring(7).trim());
        } catch (TokenService.InvalidTokenException e) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, e.getMessage());
        }
    }
}
