package io.trackctl.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command working on the data shares: the data and output options, the writers, opening the data. */
abstract class DataCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    OutputOptions output;

    Printer printer() {
        return new Printer(out(), output.format);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Opens the data the options name; with {@code --verbose} says which on stderr. */
    Workspace open() {
        return open(data.settings());
    }

    Workspace open(io.trackctl.server.ServerSettings settings) {
        Workspace ws = Workspace.open(settings);
        verbose("data directory: " + ws.settings().dataDir().toAbsolutePath().normalize());
        verbose("database:       " + ws.backend().describe());
        return ws;
    }

    void verbose(String line) {
        if (output.verbose) {
            err().println(line);
            err().flush();
        }
    }
}
