package io.trackctl.server.http;

/** A successful answer with a status other than 200 (for example 201 on create). */
public record Reply(int status, Object data) {

    public static Reply created(Object data) {
        return new Reply(201, data);
    }

    public static Reply ok(Object data) {
        return new Reply(200, data);
    }
}
