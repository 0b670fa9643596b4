package io.trackctl.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackctl.core.crypto.SecretBox;
import io.trackctl.core.model.NewShop;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.Shop;
import io.trackctl.core.model.ShopQuery;
import io.trackctl.core.model.ShopStatus;
import io.trackctl.core.port.ShopStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ShopServiceTest {

    private final InMemoryShops store = new InMemoryShops();
    private final SecretBox box = new SecretBox(SecretBox.newKey());
    private final ShopService shops = new ShopService(store, box);

    @Test
    void credentialsAreSealedBeforeTheyReachTheStore() {
        Shop s = shops.create(Caller.admin(), input("A", "sk_live_123456789"));
        assertThat(s.apiKey().sealed()).doesNotContain("sk_live").startsWith("v1:");
        assertThat(s.apiKey().hint()).isEqualTo("6789");
        assertThat(shops.reveal(s.apiKey())).isEqualTo("sk_live_123456789");
        assertThat(s.toString()).doesNotContain("sk_live");
    }

    @Test
    void updateKeepsALeftOutCredentialAndRemovesAnEmptyOne() {
        Shop s = shops.create(Caller.admin(), input("A", "sk_live_123456789"));
        Shop kept = shops.update(Caller.admin(), s.id(), input("B", null));
        assertThat(kept.apiKey()).isEqualTo(s.apiKey());
        Shop cleared = shops.update(Caller.admin(), s.id(), input("B", ""));
        assertThat(cleared.apiKey()).isNull();
    }

    @Test
    void shopCallersCannotManageShops() {
        Shop s = shops.create(Caller.admin(), input("A", null));
        Caller own = Caller.shop(s.id());
        assertThatThrownBy(() -> shops.create(own, input("X", null))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> shops.update(own, s.id(), input("X", null))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> shops.disable(own, s.id())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aShopCallerSeesOnlyItsOwnShop() {
        Shop a = shops.create(Caller.admin(), input("Alpha", null));
        Shop b = shops.create(Caller.admin(), input("Beta", null));
        Caller callerA = Caller.shop(a.id());
        assertThat(shops.get(callerA, a.id())).isEqualTo(a);
        assertThatThrownBy(() -> shops.get(callerA, b.id())).isInstanceOf(NotFoundException.class)
                .hasMessage("shop " + b.id() + " not found");
        Page<Shop> page = shops.list(callerA, new ShopQuery(null, null, true), PageRequest.FIRST);
        assertThat(page.items()).containsExactly(a);
        assertThat(shops.list(callerA, new ShopQuery(null, "beta", true), PageRequest.FIRST).total()).isZero();
    }

    @Test
    void validationReportsEveryFailingField() {
        assertThatThrownBy(() -> shops.create(Caller.admin(),
                new ShopInput(" ", null, "not a url", null, null, null, "Nowhere/Land")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::field)
                        .containsExactly("shopName", "platform", "storeUrl", "timezone"));
    }

    @Test
    void disablingAMissingShopIsNotFound() {
        assertThatThrownBy(() -> shops.disable(Caller.admin(), 99)).isInstanceOf(NotFoundException.class);
    }

    private static ShopInput input(String name, String apiKey) {
        return new ShopInput(name, "Shopify", "https://shop.example.com", apiKey, null, null, "UTC");
    }

    /** Just enough of a shop store for the use case. */
    private static final class InMemoryShops implements ShopStore {
        private final Map<Long, Shop> shops = new TreeMap<>();

        @Override
        public Shop create(NewShop n) {
            long id = shops.size() + 1L;
            Shop s = new Shop(id, n.name(), n.platform(), n.storeUrl(), n.timezone(), ShopStatus.ACTIVE, n.apiKey(),
                    n.apiSecret(), n.accessToken(), Instant.EPOCH, Instant.EPOCH);
            shops.put(id, s);
            return s;
        }

        @Override
        public Optional<Shop> findShop(long id) {
            return Optional.ofNullable(shops.get(id));
        }

        @Override
        public Page<Shop> listShops(ShopQuery query, PageRequest page) {
            List<Shop> all = new ArrayList<>(shops.values());
            return Page.of(all, page, all.size());
        }

        @Override
        public Optional<Shop> updateShop(Shop shop) {
            if (!shops.containsKey(shop.id())) {
                return Optional.empty();
            }
            shops.put(shop.id(), shop);
            return Optional.of(shop);
        }

        @Override
        public boolean setShopStatus(long id, ShopStatus status) {
            Shop s = shops.get(id);
            if (s == null) {
                return false;
            }
            shops.put(id, new Shop(s.id(), s.name(), s.platform(), s.storeUrl(), s.timezone(), status, s.apiKey(),
                    s.apiSecret(), s.accessToken(), s.createdAt(), s.updatedAt()));
            return true;
        }
    }
}
