package io.trackctl.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;

/** {@code trackctl completion}: prints the bash/zsh completion script picocli generates for every command. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a bash/zsh completion script.",
                "Load it with:  source <(./trackctl completion)"})
public final class CompletionCommand extends AutoComplete.GenerateCompletion {
}
