package io.trackctl.server.http;

/**
 * One resource of the API, mounted under {@code /api/v1} + {@link #path()}. {@link ApiRouting}
 * turns each into one Helidon {@code HttpService}; the resource only declares its routes.
 */
public interface ApiService {

    /** The mount path below {@code /api/v1}, such as {@code /shops}. */
    String path();

    void routes(Routes routes);
}
