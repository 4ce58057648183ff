package dev.finnews.local.up;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.finnews.local.lambda.LambdaJson;
import dev.finnews.local.lambda.LocalContext;
import dev.finnews.local.lambda.LocalFunction;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The HTTP API, locally: the JDK's HTTP server on 127.0.0.1, each request turned into the event API
 * Gateway's {@code $default} route sends (as JSON, written by Lambda's own serialisation) and answered
 * by the real query handler, whose JSON answer is read back the same way (one handler
 * instance per server thread, as Lambda gives each concurrent request its own environment).
 */
final class HttpGateway {
    /** API Gateway's payload limit. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService threads;

    private HttpGateway(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Binds the port now, so a port in use is reported before anything else starts. */
    static HttpGateway bind(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        return new HttpGateway(server, threads);
    }

    int port() {
        return server.getAddress().getPort();
    }

    void start(LocalFunction function, Supplier<? extends RequestStreamHandler> handlerFactory, PrintStream log) {
        ThreadLocal<RequestStreamHandler> handlers = ThreadLocal.withInitial(handlerFactory::get);
        server.createContext("/", exchange -> {
            try (exchange) {
                serve(exchange, function, handlers, log);
            }
        });
        server.start();
    }

    private void serve(HttpExchange exchange, LocalFunction function,
                       ThreadLocal<RequestStreamHandler> handlers,
                       PrintStream log) throws IOException {
        String requestId = HttpApiEvents.newRequestId();
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            send(exchange, HttpApiEvents.PAYLOAD_TOO_LARGE);
            return;
        }
        HttpApiEvents.Request request = new HttpApiEvents.Request(exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(), exchange.getProtocol(),
                exchange.getRequestHeaders(), exchange.getRemoteAddress().getAddress().getHostAddress(), body);
        APIGatewayV2HTTPEvent event = HttpApiEvents.toEvent(request, requestId, Instant.now(), port());
        HttpApiEvents.Response response;
        try {
            String answerJson = LambdaJson.invoke(handlers.get(), LambdaJson.write(event), new LocalContext(function, requestId, log));
            APIGatewayV2HTTPResponse answer = LambdaJson.read(APIGatewayV2HTTPResponse.class, answerJson);
            response = answer == null ? HttpApiEvents.INTERNAL_SERVER_ERROR : HttpApiEvents.toResponse(answer, requestId);
        } catch (RuntimeException | Error e) {
            log.printf("%s: request %s (%s %s) failed: %s%n", function.name(), requestId, request.method(), request.rawPath(), e);
            response = HttpApiEvents.INTERNAL_SERVER_ERROR;
        }
        send(exchange, response);
    }

    /** The body, or null when it is larger than API Gateway accepts. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static void send(HttpExchange exchange, HttpApiEvents.Response response) throws IOException {
        response.headers().forEach(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue()));
        boolean noBody = exchange.getRequestMethod().equalsIgnoreCase("HEAD")
                || response.status() == 204 || response.status() == 304 || response.body().length == 0;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    /** Stops accepting, lets running exchanges finish for up to a second. */
    void stop() {
        server.stop(1);
        threads.shutdownNow();
    }
}
