/**
 * The 17TRACK API v2.2 client: {@link io.trackctl.client.SeventeenTrackClient} (every endpoint,
 * batching by 40, a shared rate limit, typed failures), its wire models in
 * {@code io.trackctl.client.model}, and {@link io.trackctl.client.WebhookSignature} for pushes.
 */
package io.trackctl.client;
