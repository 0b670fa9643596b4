package io.trackctl.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageTest {

    @ParameterizedTest
    @CsvSource({"0, 20", "-1, 20", "1, 0", "1, -5", "1, 201", "2147483647, 0"})
    void aPageRequestOutsideTheLimitsIsRefused(int page, int size) {
        assertThatThrownBy(() -> PageRequest.of(page, size)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
        assertThat(PageRequest.of(1, 1).offset()).isZero();
        assertThat(PageRequest.of(1, 200).pageSize()).isEqualTo(200);
        assertThat(PageRequest.FIRST).isEqualTo(new PageRequest(1, 20));
    }

    @Test
    void theOffsetIsThePagesBeforeTimesTheSizeWithoutOverflow() {
        assertThat(PageRequest.of(3, 20).offset()).isEqualTo(40);
        assertThat(PageRequest.of(Integer.MAX_VALUE, 200).offset()).isEqualTo((Integer.MAX_VALUE - 1L) * 200);
    }

    @Test
    void aPageCopiesItsItemsAndCarriesTheRequest() {
        List<String> items = new ArrayList<>(List.of("a", "b"));
        Page<String> p = Page.of(items, PageRequest.of(2, 2), 5);
        items.add("c");
        assertThat(p.items()).containsExactly("a", "b");
        assertThat(p.page()).isEqualTo(2);
        assertThat(p.pageSize()).isEqualTo(2);
        assertThat(p.total()).isEqualTo(5);
        assertThatThrownBy(() -> p.items().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void mappingAPageKeepsItsPosition() {
        Page<Integer> p = Page.of(List.of("a", "bb"), PageRequest.of(3, 10), 22).map(String::length);
        assertThat(p).isEqualTo(new Page<>(List.of(1, 2), 3, 10, 22));
    }

    @Test
    void anInvalidPageIsRefused() {
        assertThatThrownBy(() -> new Page<>(null, 1, 1, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Page<>(List.of(), 0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Page<>(List.of(), 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Page<>(List.of(), 1, 1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Page<>(List.of(), 1, 1, 0).items()).isEmpty();
    }
}
