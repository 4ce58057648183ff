package dev.finnews.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncInvokerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENT = """
            {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",\
            "eventTime":"2022-05-18T02:15:30.000Z","eventName":"ObjectCreated:Put",\
            "s3":{"s3SchemaVersion":"1.0","bucket":{"name":"articles","arn":"arn:aws:s3:::articles"},\
            "object":{"key":"%E9%87%91%E8%9E%8D/a+b.md","size":10,"eTag":"abc"}}}]}""";
    private static final LocalFunction FUNCTION = LocalFunction.ingest("us-east-1");
    private static final Instant NOW = Instant.parse("2022-05-18T03:00:00.123456Z");

    private final List<String> destination = new CopyOnWriteArrayList<>();
    private final List<String> requestIds = new CopyOnWriteArrayList<>();
    private final List<String> keysSeen = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private AsyncInvoker invoker;

    @AfterEach
    void close() {
        invoker.close();
    }

    @Test
    void aHandlerThatSucceedsIsInvokedOnceWithTheEventsJson() throws Exception {
        invoker = invoker(failing(0));

        AsyncInvoker.Result result = invoker.invoke(EVENT).get(10, TimeUnit.SECONDS);

        assertThat(result).isInstanceOf(AsyncInvoker.Result.Succeeded.class);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(((AsyncInvoker.Result.Succeeded) result).responseJson()).isEqualTo("\"ok\"");
        assertThat(keysSeen).containsExactly("金融/a b.md");
        assertThat(destination).isEmpty();
    }

    @Test
    void aFailedInvocationIsRetriedTwiceWithTheSameRequestId() throws Exception {
        invoker = invoker(failing(2));

        AsyncInvoker.Result result = invoker.invoke(EVENT).get(10, TimeUnit.SECONDS);

        assertThat(result).isInstanceOf(AsyncInvoker.Result.Succeeded.class);
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(requestIds).hasSize(3).containsOnly(result.requestId());
        assertThat(destination).isEmpty();
        assertThat(log()).contains("failed (attempt 1 of 3)", "failed (attempt 2 of 3)");
    }

    @Test
    void afterThreeFailuresTheOnFailureRecordGoesToTheDestination() throws Exception {
        invoker = invoker(failing(Integer.MAX_VALUE));

        AsyncInvoker.Result result = invoker.invoke(EVENT).get(10, TimeUnit.SECONDS);

        assertThat(result).isInstanceOf(AsyncInvoker.Result.Failed.class);
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(destination).hasSize(1);
        JsonNode record = JSON.readTree(destination.get(0));
        assertThat(record.get("version").asText()).isEqualTo("1.0");
        assertThat(record.get("timestamp").asText()).isEqualTo("2022-05-18T03:00:00.123Z");
        JsonNode context = record.get("requestContext");
        assertThat(context.get("requestId").asText()).isEqualTo(result.requestId());
        assertThat(context.get("functionArn").asText()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:finnews-ingest:$LATEST");
        assertThat(context.get("condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(context.get("approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(record.get("requestPayload")).isEqualTo(JSON.readTree(EVENT));
        JsonNode response = record.get("responseContext");
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(response.get("executedVersion").asText()).isEqualTo("$LATEST");
        assertThat(response.get("functionError").asText()).isEqualTo("Unhandled");
        JsonNode error = record.get("responsePayload");
        assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.get("errorMessage").asText()).isEqualTo("attempt 3 failed");
        assertThat(error.get("stackTrace").isArray()).isTrue();
        assertThat(log()).contains("failed 3 times", "on the failure queue");
    }

    @Test
    void aHandlerWhoseConstructorThrowsCountsAsAFailedInvocation() throws Exception {
        AtomicInteger constructed = new AtomicInteger();
        invoker = new AsyncInvoker(FUNCTION, () -> {
            constructed.incrementAndGet();
            throw new IllegalStateException("CURSOR_SECRET is not set");
        }, destination::add, List.of(Duration.ZERO, Duration.ZERO), 1, new PrintStream(log, true, StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC));

        AsyncInvoker.Result result = invoker.invoke(EVENT).get(10, TimeUnit.SECONDS);

        assertThat(result).isInstanceOf(AsyncInvoker.Result.Failed.class);
        assertThat(constructed).hasValue(3);
        assertThat(destination).hasSize(1);
    }

    private AsyncInvoker invoker(RequestStreamHandler handler) {
        return new AsyncInvoker(FUNCTION, () -> handler, destination::add,
                List.of(Duration.ZERO, Duration.ZERO), 2, new PrintStream(log, true, StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Fails the first {@code failures} invocations, then answers "ok". */
    private RequestStreamHandler failing(int failures) {
        AtomicInteger calls = new AtomicInteger();
        return (event, response, context) -> {
            requestIds.add(context.getAwsRequestId());
            String key = JSON.readTree(event).get("Records").get(0).get("s3").get("object").get("key").asText();
            keysSeen.add(URLDecoder.decode(key, StandardCharsets.UTF_8));
            int call = calls.incrementAndGet();
            if (call <= failures) {
                throw new IllegalStateException("attempt " + call + " failed");
            }
            response.write("\"ok\"".getBytes(StandardCharsets.UTF_8));
        };
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }
}
