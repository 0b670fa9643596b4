package io.trackctl.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ApiErrorTest {

    /** Every code of the documented table (API.md section 1.5). */
    private static final int[] DOCUMENTED = {0, -18010001, -18010002, -18010003, -18010004, -18010005, -18010010,
        -18010011, -18010012, -18010013, -18010014, -18010015, -18010016, -18010018, -18010019, -18010020,
        -18010022, -18010201, -18010202, -18010203, -18010204, -18010205, -18010206, -18019801, -18019802,
        -18019803, -18019804, -18019805, -18019806, -18019807, -18019808, -18019809, -18019810, -18019811,
        -18019815, -18019816, -18019817, -18019818, -18019901, -18019902, -18019903, -18019904, -18019905,
        -18019906, -18019907, -18019908, -18019909, -18019910, -18019911, -18019912};

    @Test
    void everyDocumentedCodeIsInTheTable() {
        assertThat(Arrays.stream(DOCUMENTED).mapToObj(ApiError::of)).doesNotContain(ApiError.UNKNOWN);
        assertThat(ApiError.values()).hasSize(DOCUMENTED.length + 2);
    }

    @Test
    void anUnknownCodeIsKeptApartAndNotRetryable() {
        assertThat(ApiError.of(-1)).isEqualTo(ApiError.UNKNOWN);
        assertThat(ApiError.UNKNOWN.retryable()).isFalse();
    }

    @Test
    void transientCodesAreRetryableAndCallerMistakesAreNot() {
        assertThat(ApiError.of(-18010003).retryable()).isTrue();
        assertThat(ApiError.of(429).retryable()).isTrue();
        assertThat(ApiError.of(-18019907).retryable()).isTrue();
        assertThat(ApiError.of(-18010002).retryable()).isFalse();
        assertThat(ApiError.of(-18010012).retryable()).isFalse();
        assertThat(ApiError.of(-18019908).retryable()).isFalse();
        assertThat(ApiError.of(-18010001).isAuthFailure()).isTrue();
        assertThat(ApiError.of(-18010004).isAuthFailure()).isTrue();
        assertThat(ApiError.of(-18019902).isAuthFailure()).isFalse();
    }
}
