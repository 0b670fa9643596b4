package io.trackctl.core.service;

import java.text.Normalizer;
import java.util.Locale;

/** A carrier as a caller writes it: our own format, or built from a 17TRACK carrier-list record. */
public record CarrierInput(String code, String name, Integer trackKey, String country, String homepage) {

    /**
     * A record of 17TRACK's carrier list ({@code key}, {@code _name}, {@code _country_iso},
     * {@code _url}). Its code is a slug of the name followed by the key, so that two carriers of the
     * same name never collide; a carrier already stored under another code with the same key is
     * updated instead of duplicated.
     */
    public static CarrierInput fromSeventeenTrack(Integer key, String name, String countryIso, String url) {
        String code = key == null || name == null ? null : slug(name) + "-" + key;
        return new CarrierInput(code, name, key, countryIso, url);
    }

    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (s.length() > 40) {
            s = s.substring(0, 40).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "carrier" : s;
    }
}
