package io.trackctl.client.model;

import com.fasterxml.jackson.databind.JsonNode;

/** Coordinates kept as sent: sources disagree whether they are numbers or strings. */
public record Coordinates(JsonNode longitude, JsonNode latitude) {
}
