package io.trackctl.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackctl.core.model.NewShop;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.Shop;
import io.trackctl.core.model.ShopQuery;
import io.trackctl.store.StoreConfig;
import io.trackctl.store.TrackctlStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaultsNeedNothing() {
        ServerSettings s = SettingsLoader.load(SettingsLoader.Flags.NONE, Map.of());
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.dataDir()).isEqualTo(Path.of("trackctl-data"));
        assertThat(s.db()).isEqualTo("jdbc:sqlite:" + Path.of("trackctl-data", "trackctl.db"));
        assertThat(s.redis()).isNull();
        assertThat(s.webhookKeys()).isEmpty();
    }

    /** The driver would read "?b/trackctl.db" as its parameters, and the store sync a file "a" beside it. */
    @Test
    void aDataDirectoryWithAQuestionMarkHoldsTheDatabase() throws Exception {
        Path dataDir = dir.resolve("a?b");
        ServerSettings s = SettingsLoader.load(new SettingsLoader.Flags(null, dataDir, null, null, null, null, null,
                null), Map.of());
        assertThat(s.db()).startsWith("jdbc:sqlite:file:").contains("a%3Fb");

        try (TrackctlStore store = TrackctlStore.open(StoreConfig.of(s.db()))) {
            store.shops().create(new NewShop("question", "custom", null, null, null, null, null));
        }

        assertThat(dataDir.resolve("trackctl.db")).isRegularFile().isNotEmptyFile();
        assertThat(dir.resolve("a")).as("nothing made under the name cut at '?'").doesNotExist();
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).allMatch(f -> f.getParent().equals(dataDir));
        }
        try (TrackctlStore store = TrackctlStore.open(StoreConfig.of(s.db()))) {
            assertThat(store.shops().listShops(new ShopQuery(null, null, false), PageRequest.of(1, 10)).items())
                    .extracting(Shop::name).containsExactly("question");
        }
    }

    @Test
    void environmentOverridesYamlAndFlagsOverrideEnvironment() throws Exception {
        Path yaml = dir.resolve("app.yaml");
        Files.writeString(yaml, "trackctl:\n  port: 7000\n  redis: redis://yaml:6379\n  data-dir: " + dir + "\n");
        Map<String, String> env = Map.of("TRACKCTL_PORT", "7100", "TRACKCTL_WEBHOOK_KEYS", "k1, k2,,",
                "TRACKCTL_17TRACK_KEY", "env-key");
        ServerSettings fromEnv = SettingsLoader.load(new SettingsLoader.Flags(null, null, null, null, null, null, null,
                yaml), env);
        assertThat(fromEnv.port()).isEqualTo(7100);
        assertThat(fromEnv.redis()).isEqualTo("redis://yaml:6379");
        assertThat(fromEnv.webhookKeys()).containsExactly("k1", "k2");
        assertThat(fromEnv.dataDir()).isEqualTo(dir);

        ServerSettings fromFlags = SettingsLoader.load(new SettingsLoader.Flags(7200, null, null, null, "flag-key",
                null, List.of("k3"), yaml), env);
        assertThat(fromFlags.port()).isEqualTo(7200);
        assertThat(fromFlags.seventeenTrackKey()).isEqualTo("flag-key");
        assertThat(fromFlags.webhookKeys()).containsExactly("k3");
    }

    @Test
    void theUploadLimitIsItsOwnSettingWithA50MibDefault() {
        assertThat(SettingsLoader.load(SettingsLoader.Flags.NONE, Map.of()).maxUploadBytes())
                .isEqualTo(50L * 1024 * 1024);
        ServerSettings s = SettingsLoader.load(SettingsLoader.Flags.NONE,
                Map.of("TRACKCTL_MAX_UPLOAD_BYTES", "3000000000", "TRACKCTL_MAX_BODY_BYTES", "2048"));
        assertThat(s.maxUploadBytes()).isEqualTo(3_000_000_000L);
        assertThat(s.maxBodyBytes()).isEqualTo(2048);
        assertThat(s.toString()).contains("maxUploadBytes=3000000000");
        assertThatThrownBy(() -> SettingsLoader.load(SettingsLoader.Flags.NONE,
                Map.of("TRACKCTL_MAX_UPLOAD_BYTES", "lots"))).hasMessageContaining("max upload size");
    }

    @Test
    void badValuesAreRefusedWithTheirName() {
        assertThatThrownBy(() -> SettingsLoader.load(SettingsLoader.Flags.NONE, Map.of("TRACKCTL_PORT", "http")))
                .hasMessageContaining("port");
        assertThatThrownBy(() -> SettingsLoader.load(SettingsLoader.Flags.NONE, Map.of("TRACKCTL_REDIS", "localhost")))
                .hasMessageContaining("redis");
        assertThatThrownBy(() -> SettingsLoader.load(SettingsLoader.Flags.NONE, Map.of("TRACKCTL_JWT_SECRET", "short")))
                .hasMessageContaining("jwt secret");
        assertThatThrownBy(() -> SettingsLoader.load(SettingsLoader.Flags.NONE,
                Map.of("TRACKCTL_ENCRYPTION_KEY", "bm90IGEga2V5"))).hasMessageContaining("encryption key");
    }

    @Test
    void settingsNeverPrintTheirSecrets() {
        ServerSettings s = SettingsLoader.load(new SettingsLoader.Flags(null, null,
                "jdbc:postgresql://db:5432/t?user=u&password=pg-pass-1", "redis://:redis-pass-1@r:6379",
                "key-secret-1", null, List.of("hook-secret-1"), null),
                Map.of("TRACKCTL_JWT_SECRET", "jwt-secret-jwt-secret-jwt-secret-1"));
        assertThat(s.toString()).doesNotContain("pg-pass-1", "redis-pass-1", "key-secret-1", "hook-secret-1",
                "jwt-secret-jwt");
    }
}
