package dev.finnews.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs inside a fresh JVM started the way Lambda starts one, and loads the function the way Lambda's
 * Java runtime does: a {@link URLClassLoader} over the task root and then its {@code lib/*.jar} in
 * lexical order, parent-first over the runtime's own classes (here: this probe, aws-lambda-java-core
 * and the runtime's event serialisation library), set as the thread's context class loader. It
 * constructs the handler (Lambda's "Init Duration"), then invokes it once with the event's JSON as
 * the runtime does (the first "Duration"): a {@link RequestStreamHandler} gets the bytes; a
 * {@link RequestHandler} gets the event mapped by the runtime's serialiser for its input type, and
 * its result is written back by the serialiser for its output type. It prints one JSON line with both
 * times, the main thread's CPU time for each (steadier than wall time on a busy machine), the time
 * since the JVM started (so JVM boot counts too) and the classes loaded.
 * Arguments: {@code taskRoot extrasDir handlerClass eventJsonFile expected}; {@code extrasDir} holds the
 * baseline handlers, loaded after the function's jars; the run counts as done ({@code "ok":true}) only
 * if the response contains {@code expected}, so a run that took a shortcut cannot pass for one that did
 * the work.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        File taskRoot = new File(args[0]);
        byte[] event = Files.readAllBytes(Path.of(args[3]));
        try (URLClassLoader function = new URLClassLoader("function", lambdaClassPath(taskRoot, new File(args[1])),
                ColdStartProbe.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(function);
            Context context = new ProbeContext();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();

            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Object handler = Class.forName(args[2], true, function).getConstructor().newInstance();
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            String response = invoke(handler, event, context, function);
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();

            // read after the clock stopped: the management classes must not count against the handler
            long sinceJvmStartMs = ManagementFactory.getRuntimeMXBean().getUptime();
            long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
            // a typed handler's String answer is written as a JSON string, its quotes escaped
            boolean ok = response.replace("\\\"", "\"").contains(args[4]);
            System.out.printf(Locale.ROOT, "{\"handler\":\"%s\",\"initMs\":%.1f,\"invokeMs\":%.1f,\"initCpuMs\":%.1f,\"invokeCpuMs\":%.1f,"
                            + "\"uptimeMs\":%d,\"classes\":%d,\"ok\":%b}%n",
                    args[2], (t1 - t0) / 1e6, (t2 - t1) / 1e6, (c1 - c0) / 1e6, (c2 - c1) / 1e6, sinceJvmStartMs, classes, ok);
        }
    }

    /** One invocation as the runtime makes it; returns the response JSON. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String invoke(Object handler, byte[] event, Context context, ClassLoader function) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (handler instanceof RequestStreamHandler stream) {
            stream.handleRequest(new ByteArrayInputStream(event), out, context);
        } else {
            Method method = handleRequest(handler.getClass());
            Object input = serializer(method.getParameterTypes()[0], function).fromJson(new ByteArrayInputStream(event));
            Object output = ((RequestHandler) handler).handleRequest(input, context);
            ((PojoSerializer) serializer(method.getReturnType(), function)).toJson(output, out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The typed {@code handleRequest} (not the bridge method), whose types pick the serialisers. */
    private static Method handleRequest(Class<?> handlerClass) {
        return Arrays.stream(handlerClass.getMethods())
                .filter(m -> m.getName().equals("handleRequest") && m.getParameterCount() == 2 && !m.isBridge())
                .findFirst().orElseThrow();
    }

    /** The choice the runtime makes: its event serialisers for the events it supports, plain Jackson otherwise. */
    private static PojoSerializer<?> serializer(Class<?> type, ClassLoader function) {
        return LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? LambdaEventSerializers.serializerFor(type, function)
                : JacksonFactory.getInstance().getSerializer(type);
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
