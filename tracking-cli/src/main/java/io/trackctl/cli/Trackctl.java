package io.trackctl.cli;

import io.trackctl.core.service.ConflictException;
import io.trackctl.core.service.NotFoundException;
import io.trackctl.core.service.ValidationException;
import io.trackctl.core.sync.NotConfiguredException;
import io.trackctl.store.StoreException;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trackctl}: the root command. */
@Command(name = "trackctl",
        mixinStandardHelpOptions = true,
        versionProvider = Trackctl.Version.class,
        description = "Self-hostable parcel tracking on 17TRACK.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:ok",
                "1:failure",
                "2:usage: wrong arguments, input or configuration",
                "3:unavailable or not configured: database unreachable, no 17TRACK key",
                "4:not found: no such shop, tracking number, job or delivery",
                "5:rows failed: an import finished with failed rows",
                "6:conflict: already exists"})
public final class Trackctl {

    /**
     * The commands, by the name each one's {@code @Command} gives it, in the order help lists them.
     * Reading a command's options takes picocli a few milliseconds each, some 100 ms for the whole
     * tree before any command starts; {@link #commandLine(String...)} builds only the one a command
     * line names.
     */
    static final Map<String, Class<?>> COMMANDS = commands(ServeCommand.class, ImportCommand.class,
            SyncCommand.class, ListCommand.class, ShowCommand.class, ShopsCommand.class, CarriersCommand.class,
            TokenCommand.class, DbCommand.class, JobsCommand.class, WebhookCommand.class, SimulateCommand.class,
            CompletionCommand.class, CommandLine.HelpCommand.class);

    /** Commands that read the whole tree: help about the others, the completion script. */
    private static final Set<String> NEED_EVERY_COMMAND = Set.of("help", "completion");

    @Option(names = "--stacktrace", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of a failure, not just its message.")
    boolean stacktrace;

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /** The command line with every command, the project's error handling and exit codes. */
    public static CommandLine commandLine() {
        return build(COMMANDS.values());
    }

    /**
     * The command line to run {@code args} with: when they start with the name of a command, only
     * that command is built (it parses and answers exactly as in the whole tree); otherwise, as for
     * {@code --help}, a mistyped name or {@code help}, every command is.
     */
    public static CommandLine commandLine(String... args) {
        Class<?> named = args.length == 0 ? null : COMMANDS.get(args[0]);
        return named == null || NEED_EVERY_COMMAND.contains(args[0]) ? commandLine() : build(List.of(named));
    }

    private static CommandLine build(Collection<Class<?>> commands) {
        CommandLine cl = new CommandLine(new Trackctl());
        commands.forEach(cl::addSubcommand);
        cl.setExecutionExceptionHandler(Trackctl::handle);
        cl.setParameterExceptionHandler(Trackctl::usage);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionStrategy(parsed -> {
            Logging.forCommand(leaf(parsed).commandSpec().userObject());
            return new CommandLine.RunLast().execute(parsed);
        });
        CommandLine completion = cl.getSubcommands().get("completion");
        if (completion != null) {
            completion.getCommandSpec().usageMessage().hidden(false);
        }
        document(cl);
        return cl;
    }

    private static Map<String, Class<?>> commands(Class<?>... classes) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> c : classes) {
            byName.put(c.getAnnotation(Command.class).name(), c);
        }
        return Collections.unmodifiableMap(byName);
    }

    private static CommandLine.ParseResult leaf(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult p = parsed;
        while (p.hasSubcommand()) {
            p = p.subcommand();
        }
        return p;
    }

    /** Every command's help lists the exit codes, not only the root's. */
    private static void document(CommandLine cl) {
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.described());
        cl.getSubcommands().values().forEach(Trackctl::document);
    }

    /** The exit code a failure ends the command with. */
    static int exitCode(Exception e) {
        return switch (e) {
            case CliException c -> c.exitCode();
            case io.trackctl.core.retry.TransientFailureException t -> ExitCodes.UNAVAILABLE;
            case ValidationException v -> ExitCodes.USAGE;
            case NotFoundException n -> ExitCodes.NOT_FOUND;
            case ConflictException c -> ExitCodes.CONFLICT;
            case NotConfiguredException n -> ExitCodes.UNAVAILABLE;
            case NoSuchElementException n -> ExitCodes.NOT_FOUND;
            case IllegalArgumentException i -> ExitCodes.USAGE;
            case StoreException s -> ExitCodes.UNAVAILABLE;
            default -> ExitCodes.FAILURE;
        };
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        Trackctl root = cl.getCommandSpec().root().userObject() instanceof Trackctl t ? t : null;
        err.println("trackctl: " + redact(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        if (root != null && root.stacktrace) {
            e.printStackTrace(err);
        }
        err.flush();
        return exitCode(e);
    }

    /** A message without the password a database URL in it may carry. */
    static String redact(String message) {
        return message.replaceAll("(?i)(password=)[^&;\\s]*", "$1****")
                .replaceAll("//([^:/@\\s]*):[^@/\\s]*@", "//$1:****@");
    }

    /** A wrong command line: one line saying what is wrong and where the help is. */
    private static int usage(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("trackctl: " + e.getMessage() + Suggestions.hint(e) + " (see '" + cl.getCommandSpec().qualifiedName()
                + " --help')");
        err.flush();
        return ExitCodes.USAGE;
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
