package io.trackctl.core.status;

/**
 * A status as 17TRACK reported it: the parsed main and sub-status together with the raw strings,
 * so a value this version does not know is kept verbatim instead of being lost.
 */
public record TrackStatus(MainStatus main, SubStatus sub, String rawMain, String rawSub) {

    public static final TrackStatus NONE = new TrackStatus(MainStatus.UNKNOWN, SubStatus.UNKNOWN, null, null);

    public TrackStatus {
        main = main == null ? MainStatus.UNKNOWN : main;
        sub = sub == null ? SubStatus.UNKNOWN : sub;
    }

    /** Parses both strings leniently; a known sub-status fills in an unknown main status. */
    public static TrackStatus parse(String rawMain, String rawSub) {
        MainStatus main = MainStatus.parse(rawMain);
        SubStatus sub = SubStatus.parse(rawSub);
        if (main == MainStatus.UNKNOWN && sub != SubStatus.UNKNOWN && (rawMain == null || rawMain.isBlank())) {
            main = sub.main();
        }
        return new TrackStatus(main, sub, blankToNull(rawMain), blankToNull(rawSub));
    }

    /** The raw form stored as {@code raw_status}: {@code Main/Sub}, as 17TRACK spelled them. */
    public String raw() {
        if (rawMain == null && rawSub == null) {
            return null;
        }
        return (rawMain == null ? "" : rawMain) + "/" + (rawSub == null ? "" : rawSub);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
