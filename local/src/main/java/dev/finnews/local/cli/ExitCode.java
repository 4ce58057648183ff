package dev.finnews.local.cli;

/** The exit statuses every finnews command uses. */
public final class ExitCode {
    /** The work was done. */
    public static final int OK = 0;
    /** The work failed, partly or wholly (a file did not parse, an endpoint did not answer). */
    public static final int FAILED = 1;
    /** The command line was wrong; nothing was done. */
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
