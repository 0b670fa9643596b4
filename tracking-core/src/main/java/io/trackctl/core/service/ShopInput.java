package io.trackctl.core.service;

/**
 * A shop as a caller writes it, credentials in clear (they are sealed before storage). On update a
 * null credential keeps the stored one and an empty one removes it.
 */
public record ShopInput(String shopName, String platform, String storeUrl, String apiKey, String apiSecret,
                        String accessToken, String timezone) {

    @Override
    public String toString() {
        return "ShopInput[shopName=" + shopName + ", platform=" + platform + ", storeUrl=" + storeUrl
                + ", timezone=" + timezone + ", credentials=****]";
    }
}
