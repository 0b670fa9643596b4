package io.trackctl.cli;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Log levels for the command line: the libraries' INFO lines (pool, migrations) would bury a
 * command's output, so one-shot commands log warnings only, or everything with {@code --verbose};
 * the long-running {@code serve} and {@code simulate} keep INFO.
 */
final class Logging {

    private Logging() {
    }

    static void forCommand(Object command) {
        Level level = switch (command) {
            case ServeCommand s -> Level.INFO;
            case SimulateCommand s -> Level.INFO;
            case DataCommand d when d.output.verbose -> Level.INFO;
            default -> Level.WARNING;
        };
        Logger root = Logger.getLogger("");
        root.setLevel(level);
        for (Handler h : root.getHandlers()) {
            h.setLevel(level);
        }
    }
}
