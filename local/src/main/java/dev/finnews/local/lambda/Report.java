package dev.finnews.local.lambda;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The {@code REPORT} line Lambda writes after an invocation, with the same fields and layout:
 * {@code REPORT RequestId: …\tDuration: … ms\tBilled Duration: … ms\tMax Memory Used: … MB\tInit Duration: … ms}.
 * Max Memory Used is the process's peak resident memory where Linux reports it (as Lambda measures
 * the whole sandbox), else the JVM's peak heap and non-heap use.
 */
public final class Report {
    private static final long MB = 1024 * 1024;

    private Report() {
    }

    public static String line(String requestId, double durationMillis, double initMillis) {
        return String.format(Locale.ROOT,
                "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMax Memory Used: %d MB\tInit Duration: %.2f ms",
                requestId, durationMillis, (long) Math.ceil(durationMillis), maxMemoryUsedMb(), initMillis);
    }

    /** Milliseconds since this JVM started: what Lambda counts as Init Duration, up to the end of the handler's construction. */
    public static double millisSinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    static long maxMemoryUsedMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return Math.max(1, kb / 1024);
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // fall back to the JVM's own accounting
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return Math.max(1, peak / MB);
    }
}
