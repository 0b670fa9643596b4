package io.trackctl.client.model;

import java.util.Objects;

/** One number to register; everything but {@code number} is optional (null is left out of the body). */
public record RegisterRequest(String number, Integer carrier, Integer finalCarrier, Boolean autoDetection, String tag,
                              String lang, String param, String orderNo, String orderTime, String email,
                              String remark) {

    public RegisterRequest {
        Objects.requireNonNull(number, "number");
    }

    public static RegisterRequest of(String number, Integer carrier) {
        return new RegisterRequest(number, carrier, null, null, null, null, null, null, null, null, null);
    }

    public RegisterRequest withTag(String newTag) {
        return new RegisterRequest(number, carrier, finalCarrier, autoDetection, newTag, lang, param, orderNo,
                orderTime, email, remark);
    }
}
