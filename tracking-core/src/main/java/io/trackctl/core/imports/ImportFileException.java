package io.trackctl.core.imports;

/** A file that cannot be imported at all: empty, not text, or without a tracking-number column. */
public class ImportFileException extends RuntimeException {

    public ImportFileException(String message) {
        super(message);
    }

    public ImportFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
