package io.trackctl.server.http;

/** What every route needs besides its resource: how callers are authenticated and the body limit. */
public record RouteContext(Authenticator authenticator, long maxBodyBytes) {

    public RouteContext {
        if (authenticator == null) {
            throw new IllegalArgumentException("authenticator is required");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
    }
}
