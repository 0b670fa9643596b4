package io.trackctl.cli;

import picocli.CommandLine.Command;

/** {@code trackctl token}: API tokens. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage API tokens.",
        subcommands = TokenCreateCommand.class)
public final class TokenCommand {
}
