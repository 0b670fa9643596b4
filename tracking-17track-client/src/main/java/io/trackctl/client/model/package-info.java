/**
 * Records for every 17TRACK v2.2 request and response, including the full {@code track_info}
 * tree. They are bound leniently by {@link io.trackctl.client.WireJson}: unknown fields are
 * ignored, numbers sent as strings are accepted, and the documented spelling quirks are kept.
 */
package io.trackctl.client.model;
