package io.trackctl.server.http;

import io.helidon.webserver.http.ServerRequest;
import io.trackctl.core.service.Caller;

/** Turns a request's credentials into a caller, or throws an {@link ApiException} with 40101. */
@FunctionalInterface
public interface Authenticator {

    Caller authenticate(ServerRequest request);
}
