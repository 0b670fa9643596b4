package io.trackctl.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the command line: exit code and what it wrote. */
record CliRun(int exitCode, String out, String err) {

    /** Runs {@code args} on the command line {@link Trackctl#main} builds for them. */
    static CliRun of(String... args) {
        return on(Trackctl.commandLine(args), args);
    }

    static CliRun on(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
