package io.trackctl.cli;

import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.Shop;
import io.trackctl.core.model.ShopQuery;
import io.trackctl.core.service.Caller;
import io.trackctl.core.service.ShopInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trackctl shops add|list|update|disable}: shops (tenants), with credentials sealed as the server seals them. */
@Command(name = "shops", mixinStandardHelpOptions = true, description = "Manage shops.",
        subcommands = {ShopsCommand.Add.class, ShopsCommand.ListShops.class, ShopsCommand.Update.class,
                ShopsCommand.Disable.class})
public final class ShopsCommand {

    /** The fields of a shop as options; on update, an option not given keeps the stored value. */
    static final class Fields {
        @Option(names = "--name", paramLabel = "NAME", description = "Shop name.")
        String name;
        @Option(names = "--platform", paramLabel = "NAME", description = "Platform, e.g. shopify.")
        String platform;
        @Option(names = "--url", paramLabel = "URL", description = "Store URL.")
        String url;
        @Option(names = "--timezone", paramLabel = "ZONE", description = "Time zone, e.g. Europe/Berlin.")
        String timezone;
        @Option(names = "--api-key", paramLabel = "KEY", description = "Platform API key (stored encrypted).")
        String apiKey;
        @Option(names = "--api-secret", paramLabel = "SECRET", description = "Platform API secret (stored encrypted).")
        String apiSecret;
        @Option(names = "--access-token", paramLabel = "TOKEN",
                description = "Platform access token (stored encrypted).")
        String accessToken;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create a shop and print it.")
    static final class Add extends DataCommand {
        @Mixin
        Fields f;

        @Override
        public Integer call() {
            try (Workspace ws = open()) {
                Shop s = ws.shops().create(Caller.admin(), new ShopInput(f.name, f.platform, f.url, f.apiKey,
                        f.apiSecret, f.accessToken, f.timezone));
                printer().object(Records.shop(s));
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List shops.")
    static final class ListShops extends DataCommand {
        @Option(names = "--platform", paramLabel = "NAME", description = "Only this platform.")
        String platform;
        @Option(names = "--name", paramLabel = "TEXT", description = "Only names containing this text.")
        String name;
        @Option(names = "--active", description = "Leave disabled shops out.")
        boolean active;

        @Override
        public Integer call() {
            try (Workspace ws = open()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                ShopQuery q = new ShopQuery(platform, name, !active);
                for (int page = 1; ; page++) {
                    Page<Shop> p = ws.shops().list(Caller.admin(), q, PageRequest.of(page, PageRequest.MAX_SIZE));
                    p.items().forEach(s -> rows.add(Records.shop(s)));
                    if ((long) page * p.pageSize() >= p.total() || p.items().isEmpty()) {
                        break;
                    }
                }
                printer().list(rows, Records.SHOP_COLUMNS);
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Change a shop; options not given keep their value, an empty credential removes it.")
    static final class Update extends DataCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "Shop id.")
        long id;
        @Mixin
        Fields f;

        @Override
        public Integer call() {
            try (Workspace ws = open()) {
                Shop cur = ws.shops().get(Caller.admin(), id);
                Shop s = ws.shops().update(Caller.admin(), id, new ShopInput(or(f.name, cur.name()),
                        or(f.platform, cur.platform()), or(f.url, cur.storeUrl()), f.apiKey, f.apiSecret,
                        f.accessToken, or(f.timezone, cur.timezone())));
                printer().object(Records.shop(s));
                return ExitCodes.OK;
            }
        }

        private static String or(String given, String current) {
            return given != null ? given : current;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable a shop: it keeps its data and takes no new tracking numbers.")
    static final class Disable extends DataCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "Shop id.")
        long id;

        @Override
        public Integer call() {
            try (Workspace ws = open()) {
                printer().object(Records.shop(ws.shops().disable(Caller.admin(), id)));
                return ExitCodes.OK;
            }
        }
    }
}
