package io.trackctl.cli;

import io.trackctl.core.service.Caller;
import io.trackctl.server.ServerSettings;
import io.trackctl.server.SettingsLoader;
import io.trackctl.server.TrackctlServer;
import io.trackctl.server.auth.TokenService;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code trackctl token create --admin | --shop ID [--ttl 24h]}: prints a token, alone, on stdout.
 * It is signed with the data directory's secret (or {@code TRACKCTL_JWT_SECRET}), so the server
 * using the same data directory accepts it.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create an API token and print it alone on stdout.")
public final class TokenCreateCommand implements Callable<Integer> {

    static final class Role {
        @Option(names = "--admin", required = true, description = "A token that may do everything.")
        boolean admin;

        @Option(names = "--shop", required = true, paramLabel = "ID",
                description = "A token limited to this shop's data.")
        Long shopId;
    }

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Role role;

    @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "24h",
            description = "Lifetime: 30m, 12h, 7d or ISO-8601 such as PT12H (default ${DEFAULT-VALUE}).")
    String ttl;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() {
        Caller caller;
        if (role.admin) {
            caller = Caller.admin();
        } else {
            if (role.shopId == null || role.shopId < 1) {
                throw new IllegalArgumentException("--shop needs a positive shop id");
            }
            caller = Caller.shop(role.shopId);
        }
        Duration lifetime = TokenService.parseTtl(ttl);
        ServerSettings settings = SettingsLoader.load(new SettingsLoader.Flags(null, data.dataDir, null, null, null,
                null, null, data.configFile), System.getenv());
        String token = TrackctlServer.tokenService(settings).issue(caller, lifetime);
        PrintWriter out = spec.commandLine().getOut();
        out.println(token);
        out.flush();
        return ExitCodes.OK;
    }
}
