package dev.finnews.local.cli;

import java.util.List;

/** One subcommand of the {@code finnews} tool. Each command is its own class, registered in {@code Main}. */
public interface Command {

    /** The word that selects it: {@code finnews NAME ...}. */
    String name();

    /** One line for the command list. */
    String summary();

    /** The options it accepts (their help text is generated from these). */
    Options options();

    /** What goes after the options in the usage line, e.g. {@code FILE...}; empty when it takes none (others are refused). */
    default String operands() {
        return "";
    }

    /**
     * Runs the command.
     *
     * @return an {@link ExitCode}
     * @throws UsageException when the arguments are wrong (before any work is done)
     */
    int run(Arguments args, Terminal terminal) throws UsageException;
}
