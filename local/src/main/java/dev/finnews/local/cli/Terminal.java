package dev.finnews.local.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a command writes: results on {@link #out}, progress and diagnostics on {@link #err}, both UTF-8
 * whatever the platform's locale (titles are Chinese; a C locale must not turn them into '?').
 *
 * @param errIsTty whether standard error is a terminal (progress bars then redraw one line)
 */
public record Terminal(PrintStream out, PrintStream err, boolean errIsTty) {

    /** The process's own standard output and error. */
    public static Terminal system() {
        return new Terminal(utf8(FileDescriptor.out), utf8(FileDescriptor.err), stderrIsTty());
    }

    private static PrintStream utf8(FileDescriptor fd) {
        return new PrintStream(new FileOutputStream(fd), true, StandardCharsets.UTF_8);
    }

    /**
     * The launcher knows ({@code [ -t 2 ]}) and passes {@code -Dfinnews.stderr.tty}; started without
     * it, Linux tells through {@code /proc}.
     */
    private static boolean stderrIsTty() {
        String told = System.getProperty("finnews.stderr.tty");
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
