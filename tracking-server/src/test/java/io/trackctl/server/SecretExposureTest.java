package io.trackctl.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.crypto.SecretBox;
import io.trackctl.core.model.Shop;
import io.trackctl.server.auth.SecretFiles;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Shop credentials are sealed at rest and no answer that can carry a shop shows them in clear. */
class SecretExposureTest {

    private static final String API_KEY = "sk_live_ABCDEFGH12345678";
    private static final String API_SECRET = "secret-XYZ-98765432";
    private static final String ACCESS_TOKEN = "tok-4u";
    private static final String NEW_SECRET = "rotated-secret-00001111";

    private static TestServer server;
    private static String admin;

    @BeforeAll
    static void start() {
        server = TestServer.sqlite();
        admin = server.adminToken();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void noShopAnswerCarriesAClearCredential() {
        List<TestServer.Answer> answers = new ArrayList<>();
        Map<String, Object> body = new HashMap<>(Map.of("shopName", "Secret Shop", "platform", "shopify",
                "apiKey", API_KEY, "apiSecret", API_SECRET, "accessToken", ACCESS_TOKEN));
        TestServer.Answer created = server.post("/api/v1/shops", admin, body);
        answers.add(created);
        long id = created.data().path("id").asLong();
        String shopToken = server.shopToken(id);
        answers.add(server.get("/api/v1/shops/" + id, admin));
        answers.add(server.get("/api/v1/shops/" + id, shopToken));
        answers.add(server.get("/api/v1/shops", admin));
        answers.add(server.get("/api/v1/shops?name=secret", shopToken));
        answers.add(server.put("/api/v1/shops/" + id, admin, Map.of("shopName", "Secret Shop 2", "platform", "shopify")));
        answers.add(server.put("/api/v1/shops/" + id, admin, Map.of("shopName", "Secret Shop 3", "platform", "shopify",
                "apiSecret", NEW_SECRET)));
        answers.add(server.post("/api/v1/shops", admin, body));
        answers.add(server.post("/api/v1/tracking", shopToken, Map.of("trackingNumber", "SEC00000001")));
        answers.add(server.delete("/api/v1/shops/" + id, admin));

        for (TestServer.Answer a : answers) {
            assertThat(a.body()).doesNotContain(API_KEY).doesNotContain(API_SECRET).doesNotContain(NEW_SECRET)
                    .doesNotContain("\"" + ACCESS_TOKEN + "\"").doesNotContain("v1:");
        }
        var creds = created.data().path("credentials");
        assertThat(creds.path("apiKey").path("set").asBoolean()).isTrue();
        assertThat(creds.path("apiKey").path("last4").asText()).isEqualTo("5678");
        assertThat(creds.path("accessToken").path("set").asBoolean()).isTrue();
        assertThat(creds.path("accessToken").path("last4").isNull()).isTrue();
        var kept = answers.get(5).data().path("credentials");
        assertThat(kept.path("apiKey").path("last4").asText()).isEqualTo("5678");
        var rotated = answers.get(6).data().path("credentials");
        assertThat(rotated.path("apiSecret").path("last4").asText()).isEqualTo("1111");
    }

    @Test
    void credentialsAreStoredSealedWithTheKeyInTheDataDirectory() throws Exception {
        TestServer.Answer created = server.post("/api/v1/shops", admin, Map.of("shopName", "Sealed", "platform", "x",
                "apiKey", API_KEY));
        Shop stored = server.store().shops().findShop(created.data().path("id").asLong()).orElseThrow();
        assertThat(stored.apiKey().sealed()).doesNotContain(API_KEY).startsWith("v1:");
        var keyFile = server.dataDir().resolve(SecretFiles.ENCRYPTION_KEY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        byte[] key = SecretFiles.loadOrCreate(server.dataDir(), SecretFiles.ENCRYPTION_KEY, 32);
        assertThat(new SecretBox(key).decrypt(stored.apiKey().sealed())).isEqualTo(API_KEY);
    }

    @Test
    void anEmptyCredentialOnUpdateRemovesIt() {
        TestServer.Answer created = server.post("/api/v1/shops", admin, Map.of("shopName", "Clear", "platform", "x",
                "apiKey", API_KEY));
        long id = created.data().path("id").asLong();
        TestServer.Answer updated = server.put("/api/v1/shops/" + id, admin, Map.of("shopName", "Clear",
                "platform", "x", "apiKey", ""));
        assertThat(updated.data().path("credentials").path("apiKey").path("set").asBoolean()).isFalse();
    }
}
