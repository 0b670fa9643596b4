package io.trackctl.client.model;

import io.trackctl.client.ApiError;

/** The error 17TRACK gave one number or one request. */
public record ItemError(int code, String message) {

    public ApiError type() {
        return ApiError.of(code);
    }
}
