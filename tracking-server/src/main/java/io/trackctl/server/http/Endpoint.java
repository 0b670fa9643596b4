package io.trackctl.server.http;

import java.util.regex.Pattern;

/** One registered route: method, full path template ({@code /api/v1/shops/{id}}) and who may call it. */
public record Endpoint(String method, String path, Access access) {

    /** Whether a route needs a token. */
    public enum Access {
        TOKEN,
        PUBLIC
    }

    /** Whether a concrete request path matches this template. */
    public boolean matches(String requestPath) {
        String regex = Pattern.quote(path).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
        String p = requestPath.length() > 1 && requestPath.endsWith("/")
                ? requestPath.substring(0, requestPath.length() - 1) : requestPath;
        return p.matches(regex);
    }
}
