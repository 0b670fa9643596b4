package io.trackctl.client;

import java.util.HashMap;
import java.util.Map;

/**
 * The 17TRACK v2.2 error codes (API.md section 1.5) with what they mean and whether sending the
 * same request again later can succeed. A code not in the table is {@link #UNKNOWN}.
 */
public enum ApiError {
    SUCCESS(0, "Success", false),
    IP_NOT_ALLOWED(-18010001, "Caller IP is not on the allow-list", false),
    INVALID_KEY(-18010002, "Security key is invalid", false),
    INTERNAL_ERROR(-18010003, "Internal error at 17TRACK", true),
    ACCOUNT_DISABLED(-18010004, "Account is disabled", false),
    ACCESS_NOT_AUTHORISED(-18010005, "Access not authorised", false),
    FIELD_MISSING(-18010010, "A required data item is missing", false),
    FIELD_VALUE_INVALID(-18010011, "A field value is invalid", false),
    FORMAT_INVALID(-18010012, "The format of a value (usually the tracking number) is invalid", false),
    BODY_INVALID(-18010013, "Submitted data is invalid", false),
    TOO_MANY_NUMBERS(-18010014, "More than 40 numbers in one request", false),
    FIELD_OF_VALUE_INVALID(-18010015, "A value of a field is invalid", false),
    FINAL_CARRIER_POSTAL_ONLY(-18010016, "A last-mile carrier can only be set for postal carriers", false),
    NEEDS_COUNTRY_AND_POSTCODE(-18010018, "This carrier needs a country code plus postal code", false),
    NEEDS_POSTCODE(-18010019, "This carrier needs a postal code", false),
    NEEDS_PHONE(-18010020, "This carrier needs a phone number", false),
    NEEDS_EXTRA_INFO(-18010022, "The carrier needs extra info", false),
    WEBHOOK_URL_REQUIRED(-18010201, "Webhook URL is required", false),
    WEBHOOK_URL_MALFORMED(-18010202, "Webhook URL is badly formed", false),
    WEBHOOK_TEST_FAILED(-18010203, "Webhook test failed", false),
    NO_WEBHOOK_URL(-18010204, "No webhook URL is configured", false),
    IP_FORMAT_INCORRECT(-18010205, "IP format is incorrect", false),
    PUSH_FAILED(-18010206, "Push failed", true),
    CARRIER_OLD_REQUIRED(-18019801, "Registered under several carriers; name carrier_old", false),
    CARRIER_NEW_INVALID(-18019802, "carrier_new is not a valid carrier", false),
    CARRIER_SAME(-18019803, "The new carrier is the same as the current one", false),
    CARRIER_NEW_MISSING(-18019804, "Give carrier_new or final_carrier_new", false),
    CARRIER_OLD_WRONG(-18019805, "Not registered under the given carrier", false),
    CHANGE_ON_STOPPED(-18019806, "Cannot change the carrier of a stopped number", false),
    CHANGE_LIMIT_REACHED(-18019807, "Carrier-change limit reached", false),
    CHANGE_BEFORE_RESULT(-18019808, "No tracking result yet since the last register or change", true),
    CHANGE_WOULD_DUPLICATE(-18019809, "A registration with that carrier already exists", false),
    CHANGE_AMBIGUOUS(-18019810, "More than one record matches", false),
    NOTHING_TO_CHANGE(-18019811, "Nothing valid to change", false),
    REALTIME_CARRIER_TIMEOUT(-18019815, "Real-time: the carrier's interface timed out", true),
    REALTIME_CARRIER_ERROR(-18019816, "Real-time: the carrier's interface returned an error", true),
    REALTIME_SYSTEM_ERROR(-18019817, "Real-time: system error", true),
    REALTIME_CARRIER_UNSUPPORTED(-18019818, "Real-time: this carrier is not supported", false),
    ALREADY_REGISTERED(-18019901, "The number is already registered", false),
    NOT_REGISTERED(-18019902, "The number is not registered yet", false),
    CARRIER_NOT_DETECTED(-18019903, "Carrier could not be detected", false),
    RETRACK_NOT_STOPPED(-18019904, "Only stopped numbers can be retracked", false),
    RETRACK_ONCE(-18019905, "A number can be retracked only once", false),
    STOP_NOT_TRACKING(-18019906, "Only numbers that are being tracked can be stopped", false),
    DAILY_LIMIT_EXCEEDED(-18019907, "Daily tracking limit exceeded", true),
    QUOTA_USED_UP(-18019908, "Quota used up", false),
    NO_TRACKING_INFO_YET(-18019909, "No tracking information yet", true),
    CARRIER_CODE_INCORRECT(-18019910, "Carrier code is incorrect", false),
    CARRIER_UNAVAILABLE(-18019911, "Numbers for this carrier cannot be registered at the moment", true),
    REALTIME_NOT_AUTHORISED(-18019912, "Account not authorised for the real-time interface", false),
    RATE_LIMITED(429, "Rate limit exceeded", true),
    UNKNOWN(Integer.MIN_VALUE, "Unknown error code", false);

    private static final Map<Integer, ApiError> BY_CODE = new HashMap<>();

    static {
        for (ApiError e : values()) {
            BY_CODE.put(e.code, e);
        }
    }

    private final int code;
    private final String meaning;
    private final boolean retryable;

    ApiError(int code, String meaning, boolean retryable) {
        this.code = code;
        this.meaning = meaning;
        this.retryable = retryable;
    }

    /** The error for a wire code; {@link #UNKNOWN} when the table does not know it. */
    public static ApiError of(int code) {
        return BY_CODE.getOrDefault(code, UNKNOWN);
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** True when the same request may succeed later without any change. */
    public boolean retryable() {
        return retryable;
    }

    /** True for the errors that mean the key, the caller's IP or the account is refused. */
    public boolean isAuthFailure() {
        return this == IP_NOT_ALLOWED || this == INVALID_KEY || this == ACCOUNT_DISABLED
                || this == ACCESS_NOT_AUTHORISED;
    }
}
