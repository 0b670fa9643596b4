package io.trackctl.core.ingest;

/**
 * Checks a webhook signature over the exact raw body bytes. The 17TRACK scheme lives with the
 * client module; core only needs the verdict.
 */
public interface SignatureVerifier {

    /** True when {@code signature} matches {@code body} under one of the configured keys. */
    boolean verify(byte[] body, String signature);

    /** False when there is no key to verify with: every delivery is then refused. */
    boolean configured();
}
