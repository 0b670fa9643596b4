package io.trackctl.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackctl.client.model.WebhookMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON rules of the 17TRACK wire: snake_case names, unknown fields ignored, numbers sent as
 * strings accepted, nulls left out of requests, and keys with stray spaces (seen in the doc's
 * examples) trimmed before binding. Thread-safe.
 */
public final class WireJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private WireJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses bytes to a tree whose object keys are trimmed. */
    public static JsonNode read(byte[] body) throws IOException {
        return normalizeKeys(MAPPER.readTree(body));
    }

    /** Binds a tree to a model type. */
    public static <T> T bind(JsonNode node, Class<T> type) throws JsonProcessingException {
        return MAPPER.treeToValue(node, type);
    }

    /** Serializes a request body. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /** Parses a push body into the client's models. */
    public static WebhookMessage readWebhook(byte[] body) throws IOException {
        return bind(read(body), WebhookMessage.class);
    }

    /** Returns the same tree with every object key trimmed (recursively, in place). */
    public static JsonNode normalizeKeys(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            List<String> untrimmed = new ArrayList<>();
            for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!name.equals(name.strip())) {
                    untrimmed.add(name);
                }
            }
            for (String name : untrimmed) {
                JsonNode value = obj.remove(name);
                if (!obj.has(name.strip())) {
                    obj.set(name.strip(), value);
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                normalizeKeys(it.next().getValue());
            }
        } else if (node instanceof ArrayNode arr) {
            arr.forEach(WireJson::normalizeKeys);
        }
        return node;
    }
}
