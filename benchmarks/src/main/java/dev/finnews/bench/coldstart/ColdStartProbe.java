package dev.finnews.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs inside a fresh JVM started the way Lambda starts one, and loads the function the way Lambda's
 * Java runtime does: a {@link URLClassLoader} over the task root and then its {@code lib/*.jar} in
 * lexical order, parent-first over the runtime's own classes (here: this probe and
 * aws-lambda-java-core), set as the thread's context class loader. It constructs the handler
 * (Lambda's "Init Duration"), invokes it once with a prepared event (the first "Duration"), and prints
 * one JSON line with both times, the main thread's CPU time for each (steadier than wall time on a
 * busy machine), the time since the JVM started (so JVM boot counts too) and the classes loaded. The
 * event is built before the clock starts, as the runtime deserialises it outside the handler.
 * Arguments: {@code taskRoot extrasDir handlerClass eventKind eventArgs...}: {@code extrasDir} holds
 * the probe's event builder and the baseline handlers, loaded after the function's jars (see
 * {@link ProbeEvents}).
 */
public final class ColdStartProbe {
    private static final String PROBE_EVENTS = "dev.finnews.bench.coldstart.ProbeEvents";

    private ColdStartProbe() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        File taskRoot = new File(args[0]);
        try (URLClassLoader function = new URLClassLoader("function", lambdaClassPath(taskRoot, new File(args[1])),
                ColdStartProbe.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(function);
            Class<?> events = Class.forName(PROBE_EVENTS, true, function);
            Method build = events.getDeclaredMethod("build", String.class, String[].class);
            Method succeeded = events.getDeclaredMethod("succeeded", Object.class);
            build.setAccessible(true);
            succeeded.setAccessible(true);
            Object event = build.invoke(null, args[3], Arrays.copyOfRange(args, 4, args.length));
            Context context = new ProbeContext();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();

            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            RequestHandler handler = (RequestHandler) Class.forName(args[2], true, function).getConstructor().newInstance();
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            Object response = handler.handleRequest(event, context);
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();

            // read after the clock stopped: the management classes must not count against the handler
            long sinceJvmStartMs = ManagementFactory.getRuntimeMXBean().getUptime();
            long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
            System.out.printf(Locale.ROOT, "{\"handler\":\"%s\",\"initMs\":%.1f,\"invokeMs\":%.1f,\"initCpuMs\":%.1f,\"invokeCpuMs\":%.1f,"
                            + "\"uptimeMs\":%d,\"classes\":%d,\"ok\":%b}%n",
                    args[2], (t1 - t0) / 1e6, (t2 - t1) / 1e6, (c1 - c0) / 1e6, (c2 - c1) / 1e6, sinceJvmStartMs, classes,
                    succeeded.invoke(null, response));
        }
    }

    /** The task root, then {@code lib/*.jar} sorted by name (as Lambda's runtime orders them), then the probe's extras. */
    private static URL[] lambdaClassPath(File taskRoot, File extras) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(taskRoot.toURI().toURL());
        String[] jars = new File(taskRoot, "lib").list((dir, name) -> name.endsWith(".jar"));
        if (jars != null) {
            Arrays.sort(jars);
            for (String jar : jars) {
                urls.add(new File(taskRoot, "lib/" + jar).toURI().toURL());
            }
        }
        urls.add(extras.toURI().toURL());
        return urls.toArray(URL[]::new);
    }
}
