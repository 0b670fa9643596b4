package io.trackctl.core.model;

/** What is needed to store a shop; credentials arrive already sealed. */
public record NewShop(String name, String platform, String storeUrl, String timezone, Credential apiKey,
                      Credential apiSecret, Credential accessToken) {
}
