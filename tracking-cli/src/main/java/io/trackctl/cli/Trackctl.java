package io.trackctl.cli;

import io.trackctl.store.StoreException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trackctl}: the root command. */
@Command(name = "trackctl",
        mixinStandardHelpOptions = true,
        versionProvider = Trackctl.Version.class,
        description = "Self-hostable parcel tracking on 17TRACK.",
        subcommands = {ServeCommand.class, TokenCommand.class, CommandLine.HelpCommand.class})
public final class Trackctl {

    @Option(names = "--stacktrace", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of a failure, not just its message.")
    boolean stacktrace;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with the project's error handling, for {@link #main} and for tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Trackctl());
        cl.setExecutionExceptionHandler(Trackctl::handle);
        return cl;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        Trackctl root = cl.getCommandSpec().root().userObject() instanceof Trackctl t ? t : null;
        int code = switch (e) {
            case CliException c -> c.exitCode();
            case IllegalArgumentException i -> ExitCodes.USAGE;
            case StoreException s -> ExitCodes.UNAVAILABLE;
            default -> ExitCodes.FAILURE;
        };
        err.println("trackctl: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        if (root != null && root.stacktrace) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Trackctl.class.getPackage().getImplementationVersion();
            return new String[] {"trackctl " + (v == null ? "development" : v)};
        }
    }
}
