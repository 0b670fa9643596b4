package io.trackctl.store.internal;

/** LIKE patterns from user text. */
final class Like {

    private Like() {
    }

    /** Drops the LIKE wildcards from user text so that it matches literally (no ESCAPE clause needed). */
    static String escape(String text) {
        return text.replace("%", "").replace("_", "");
    }
}
