package io.trackctl.client.model;

/** An event text translated into {@code lang}, present when a language was set on register. */
public record DescriptionTranslation(String lang, String description) {
}
