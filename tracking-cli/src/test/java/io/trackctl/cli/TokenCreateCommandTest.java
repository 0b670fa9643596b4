package io.trackctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.service.Caller;
import io.trackctl.server.ServerSettings;
import io.trackctl.server.SettingsLoader;
import io.trackctl.server.TrackctlServer;
import io.trackctl.server.auth.SecretFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCreateCommandTest {

    @TempDir
    Path dir;

    @Test
    void adminTokenIsPrintedAloneAndVerifiesWithTheDataDirectorySecret() throws Exception {
        CliRun run = CliRun.of("token", "create", "--admin", "--data-dir", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        String token = run.out().strip();
        assertThat(run.out().lines().count()).isEqualTo(1);
        assertThat(token.split("\\.")).hasSize(3);
        assertThat(tokens().verify(token)).isEqualTo(Caller.admin());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(SecretFiles.JWT_SECRET))))
                .isEqualTo("rw-------");
    }

    @Test
    void shopTokenNamesItsShop() {
        CliRun run = CliRun.of("token", "create", "--shop", "7", "--ttl", "1h", "--data-dir", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(tokens().verify(run.out().strip())).isEqualTo(Caller.shop(7));
    }

    @Test
    void adminAndShopTogetherIsAUsageError() {
        CliRun run = CliRun.of("token", "create", "--admin", "--shop", "7", "--data-dir", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void neitherAdminNorShopIsAUsageError() {
        assertThat(CliRun.of("token", "create", "--data-dir", dir.toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void badLifetimeIsAUsageErrorOnOneLine() {
        CliRun run = CliRun.of("token", "create", "--admin", "--ttl", "forever", "--data-dir", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("trackctl: ").contains("forever");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    private io.trackctl.server.auth.TokenService tokens() {
        ServerSettings s = SettingsLoader.load(new SettingsLoader.Flags(null, dir, null, null, null, null, null, null),
                Map.of());
        return TrackctlServer.tokenService(s);
    }
}
