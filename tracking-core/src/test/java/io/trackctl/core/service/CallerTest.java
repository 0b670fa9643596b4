package io.trackctl.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void anAdminSeesEveryShopAndHasNoScope() {
        assertThat(Caller.admin().canSee(5)).isTrue();
        assertThat(Caller.admin().scope()).isNull();
    }

    @Test
    void aShopSeesOnlyItself() {
        Caller shop = Caller.shop(5);
        assertThat(shop.canSee(5)).isTrue();
        assertThat(shop.canSee(6)).isFalse();
        assertThat(shop.scope()).isEqualTo(5L);
        assertThatThrownBy(() -> shop.requireAdmin("do it")).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aShopCallerNeedsItsId() {
        assertThatThrownBy(() -> new Caller(Caller.Role.SHOP, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
