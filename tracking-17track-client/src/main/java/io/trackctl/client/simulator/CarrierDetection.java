package io.trackctl.client.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The simulator's carrier auto-detection: a few well-known number formats, nothing else. */
final class CarrierDetection {

    private static final Pattern UPU = Pattern.compile("[A-Z]{2}\\d{9}([A-Z]{2})");
    private static final Pattern UPS_NUMBER = Pattern.compile("1Z[0-9A-Z]{16}");
    private static final Pattern DIGITS_20_22 = Pattern.compile("\\d{20,22}");

    private CarrierDetection() {
    }

    /** Carrier auto-detection by number format; 0 when nothing matches. */
    static int detect(String number) {
        Matcher upu = UPU.matcher(number);
        if (upu.matches()) {
            return switch (upu.group(1)) {
                case "US" -> 21051;
                case "DE" -> 7044;
                case "GB" -> 11031;
                default -> 3011;
            };
        }
        if (UPS_NUMBER.matcher(number).matches()) {
            return 100002;
        }
        if (DIGITS_20_22.matcher(number).matches()) {
            return 21051;
        }
        if (number.startsWith("JJD")) {
            return 7041;
        }
        if (number.startsWith("LP")) {
            return 190271;
        }
        if (number.startsWith("YT")) {
            return 190008;
        }
        return 0;
    }

}
