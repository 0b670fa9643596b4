package io.trackctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrackctlTest {

    @TempDir
    Path dir;

    @Test
    void helpListsTheCommands() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("serve").contains("token");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aMistypedCommandOrOptionGetsTheClosestNames() {
        CliRun command = CliRun.of("lst");
        assertThat(command.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(command.err().lines().toList()).hasSize(1).first().asString()
                .contains("'lst'").contains("did you mean 'list'").endsWith("(see 'trackctl --help')");

        CliRun option = CliRun.of("list", "--stauts", "Delivered", "--data-dir", dir.toString());
        assertThat(option.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(option.err()).contains("did you mean '--status'").contains("(see 'trackctl list --help')");

        CliRun nested = CliRun.of("shops", "lsit");
        assertThat(nested.err()).contains("did you mean 'list'").contains("(see 'trackctl shops --help')");

        assertThat(CliRun.of("frobnicate").err()).doesNotContain("did you mean");
    }

    @Test
    void aCommandLineNamingACommandBuildsThatCommandOnly() {
        for (String name : Trackctl.COMMANDS.keySet()) {
            Set<String> built = Trackctl.commandLine(name, "--help").getSubcommands().keySet();
            if (name.equals("help") || name.equals("completion")) {
                assertThat(built).as(name).containsExactlyElementsOf(Trackctl.COMMANDS.keySet());
            } else {
                assertThat(built).as(name).containsExactly(name);
            }
        }
        assertThat(Trackctl.commandLine().getSubcommands().keySet()).containsExactlyElementsOf(Trackctl.COMMANDS.keySet());
        assertThat(Trackctl.commandLine("--stacktrace", "list").getSubcommands()).hasSameSizeAs(Trackctl.COMMANDS);
    }

    @Test
    void aCommandBuiltAloneReadsAndDescribesItselfAsInTheWholeTree() {
        CommandLine whole = Trackctl.commandLine();
        List<CommandLine> every = new ArrayList<>();
        whole.getSubcommands().values().forEach(c -> collect(c, every));
        assertThat(every).hasSizeGreaterThan(Trackctl.COMMANDS.size());
        for (CommandLine inWhole : every) {
            List<String> path = path(inWhole);
            CommandLine alone = Trackctl.commandLine(path.toArray(String[]::new));
            for (String name : path) {
                alone = alone.getSubcommands().get(name);
            }
            assertThat(alone.getUsageMessage(CommandLine.Help.Ansi.OFF))
                    .as(String.join(" ", path)).isEqualTo(inWhole.getUsageMessage(CommandLine.Help.Ansi.OFF));
            assertThat(alone.getCommandSpec().qualifiedName()).isEqualTo(inWhole.getCommandSpec().qualifiedName());
        }
    }

    @Test
    void aCommandBuiltAloneAnswersAsInTheWholeTree() {
        String data = dir.toString();
        List<String[]> lines = List.of(
                new String[] {"list", "--page-size", "0", "--data-dir", data},
                new String[] {"list", "--status", "lost", "--data-dir", data},
                new String[] {"list", "--frobnicate"},
                new String[] {"import", "file.csv"},
                new String[] {"show", "NO-SUCH-NUMBER", "--data-dir", data},
                new String[] {"token", "create", "--admin", "--ttl", "never", "--data-dir", data},
                new String[] {"token", "create", "--admin", "--ttl", "never", "--stacktrace", "--data-dir", data},
                new String[] {"shops", "list", "--data-dir", data},
                new String[] {"shops", "frobnicate"},
                new String[] {"db", "status", "--data-dir", data});
        for (String[] args : lines) {
            CliRun whole = CliRun.on(Trackctl.commandLine(), args);
            CliRun alone = CliRun.on(Trackctl.commandLine(args), args);
            String line = String.join(" ", args);
            assertThat(alone.exitCode()).as(line).isEqualTo(whole.exitCode());
            assertThat(alone.out()).as(line).isEqualTo(whole.out());
            assertThat(withoutStackFrames(alone.err())).as(line).isEqualTo(withoutStackFrames(whole.err()));
        }
    }

    /** Error output without the frames of a stack trace, which differ with the way the command was called. */
    private static String withoutStackFrames(String err) {
        return err.lines().filter(l -> !l.startsWith("\tat ") && !l.startsWith("\t... ")).toList().toString();
    }

    private static void collect(CommandLine c, List<CommandLine> into) {
        into.add(c);
        c.getSubcommands().values().forEach(sub -> collect(sub, into));
    }

    private static List<String> path(CommandLine c) {
        List<String> names = new ArrayList<>();
        for (CommandLine p = c; p.getParent() != null; p = p.getParent()) {
            names.add(0, p.getCommandName());
        }
        return names;
    }

    @Test
    void aMissingOptionIsOneLineNamingTheHelp() {
        CliRun run = CliRun.of("import", "file.csv");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines().toList()).hasSize(1).first().asString()
                .contains("--shop").contains("trackctl import --help");
    }

    @Test
    void aFailureIsOneLineUnlessTheStackTraceIsAskedFor() {
        CliRun plain = CliRun.of("token", "create", "--admin", "--ttl", "never", "--data-dir", dir.toString());
        assertThat(plain.err().lines().count()).isEqualTo(1);
        assertThat(plain.err()).doesNotContain("\tat ");

        CliRun traced = CliRun.of("--stacktrace", "token", "create", "--admin", "--ttl", "never", "--data-dir",
                dir.toString());
        assertThat(traced.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(traced.err()).contains("\tat ");

        CliRun tracedAfter = CliRun.of("token", "create", "--admin", "--ttl", "never", "--stacktrace", "--data-dir",
                dir.toString());
        assertThat(tracedAfter.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tracedAfter.err()).contains("\tat ");
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        CliRun run = CliRun.of("--help");
        assertThat(run.out()).contains("import").contains("sync").contains("list").contains("show").contains("shops")
                .contains("carriers").contains("db").contains("jobs").contains("webhook").contains("simulate")
                .contains("completion").contains("Exit codes:").contains("rows failed");
        assertThat(CliRun.of("import", "--help").out()).contains("Exit codes:").contains("not found");
    }

    @Test
    void completionPrintsAShellScriptCoveringTheCommands() {
        CliRun run = CliRun.of("completion");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("complete -F").contains("trackctl").contains("import").contains("--shop");
    }

    @Test
    void aOneShotCommandTurnsLibraryLoggingDownToWarnings() {
        CliRun run = CliRun.of("shops", "list", "--data-dir", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(java.util.logging.Logger.getLogger("").getLevel()).isEqualTo(java.util.logging.Level.WARNING);
    }

    @Test
    void verboseSaysWhereTheDataLives() {
        CliRun run = CliRun.of("shops", "list", "--verbose", "--data-dir", dir.toString());
        assertThat(run.err()).contains("database:").contains("sqlite");
    }

    @Test
    void anUnreachableDatabaseIsUnavailableAndItsPasswordIsNotPrinted() {
        CliRun run = CliRun.of("list", "--data-dir", dir.toString(), "--db",
                "jdbc:postgresql://127.0.0.1:1/none?user=u&password=hunter2");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).doesNotContain("hunter2").startsWith("trackctl: ");
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(Trackctl.redact("jdbc:postgresql://bob:s3cret@db/x")).isEqualTo("jdbc:postgresql://bob:****@db/x");
    }
}
