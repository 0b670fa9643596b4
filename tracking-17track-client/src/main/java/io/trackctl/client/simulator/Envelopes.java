package io.trackctl.client.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The 17TRACK response envelope, built the way the service builds it. */
final class Envelopes {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Envelopes() {
    }

    static ObjectNode error(int code, String message) {
        ObjectNode root = F.objectNode();
        root.put("code", code);
        ArrayNode errors = root.putObject("data").putArray("errors");
        ObjectNode e = errors.addObject();
        e.put("code", code);
        e.put("message", message);
        return root;
    }

    static ObjectNode ok(ArrayNode accepted, ArrayNode rejected) {
        ObjectNode root = F.objectNode();
        root.put("code", 0);
        ObjectNode data = root.putObject("data");
        data.set("accepted", accepted);
        data.set("rejected", rejected);
        return root;
    }

    static ObjectNode rejection(String number, String tag, int code, String message) {
        ObjectNode r = F.objectNode();
        r.put("number", number);
        if (tag != null) {
            r.put("tag", tag);
        }
        ObjectNode e = r.putObject("error");
        e.put("code", code);
        e.put("message", message);
        return r;
    }
}
