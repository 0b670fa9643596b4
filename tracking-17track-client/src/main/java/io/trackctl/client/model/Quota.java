package io.trackctl.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The account's counters from {@code /getquota}; note the wire spelling {@code free_email_quotaused}. */
public record Quota(Long quotaTotal, Long quotaUsed, Long quotaRemain, Long todayUsed, Long maxTrackDaily,
                    Long freeEmailQuota, @JsonProperty("free_email_quotaused") Long freeEmailQuotaUsed) {
}
