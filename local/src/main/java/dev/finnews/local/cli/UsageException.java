package dev.finnews.local.cli;

/** The command line is wrong: the message is the one-line reason shown to the user (exit status 2). */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String reason) {
        super(reason);
    }
}
