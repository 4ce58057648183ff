package dev.finnews.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Runs inside a fresh JVM started the way Lambda starts one: constructs the handler (Lambda's "Init
 * Duration"), invokes it once with a prepared event (the first "Duration"), and prints one JSON line with
 * both times, the time since the JVM started (so JVM boot counts too) and the classes loaded. The event is built before the clock starts, as the
 * runtime deserialises it outside the handler.
 * Arguments: {@code handlerClass eventKind eventArgs...} (see {@link ProbeEvents}).
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        Object event = ProbeEvents.build(args[1], java.util.Arrays.copyOfRange(args, 2, args.length));
        Context context = new ProbeContext();

        long t0 = System.nanoTime();
        RequestHandler handler = (RequestHandler) Class.forName(args[0]).getConstructor().newInstance();
        long t1 = System.nanoTime();
        Object response = handler.handleRequest(event, context);
        long t2 = System.nanoTime();

        // read after the clock stopped: the management classes must not count against the handler
        long sinceJvmStartMs = ManagementFactory.getRuntimeMXBean().getUptime();
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        System.out.printf(Locale.ROOT, "{\"handler\":\"%s\",\"initMs\":%.1f,\"invokeMs\":%.1f,\"uptimeMs\":%d,\"classes\":%d,\"ok\":%b}%n",
                args[0], (t1 - t0) / 1e6, (t2 - t1) / 1e6, sinceJvmStartMs, classes, ProbeEvents.succeeded(response));
    }
}
