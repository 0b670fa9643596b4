package io.trackctl.core.model;

/** Shop list filters: exact platform (case-insensitive), a fragment of the name, disabled ones too. */
public record ShopQuery(String platform, String nameContains, boolean includeDisabled) {

    public static final ShopQuery ALL = new ShopQuery(null, null, true);
}
