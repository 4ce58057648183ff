package dev.finnews.ingest;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * An SDK interceptor that makes a seeded random share of API calls meet a transient fault, the way
 * DynamoDB, S3 and the network fail:
 * <ul>
 *   <li><b>kind</b>: throttling ({@code ProvisionedThroughputExceededException}, S3 {@code 503 SlowDown}),
 *       a 5xx, a timeout ({@code ApiCallAttemptTimeoutException} or a socket timeout) or a connection reset;</li>
 *   <li><b>phase</b>: {@link Phase#BEFORE_SEND} (the request never took effect) or {@link Phase#AFTER_APPLY}
 *       (it took effect, then the response was lost: the dangerous case for idempotency; never throttling,
 *       which a service answers instead of applying);</li>
 *   <li><b>scope</b>: {@link Scope#RETRIED}: the first one or two attempts fail and the SDK's own retry
 *       recovers; {@link Scope#SURFACED}: the SDK gives up (retries exhausted) and the caller sees the
 *       exception, thrown outside the SDK's retry loop (in {@code beforeExecution}, or in
 *       {@code afterExecution} once the request has been applied).</li>
 * </ul>
 * Everything injected is tallied. One instance serves one thread of calls at a time.
 */
final class FaultInjector implements ExecutionInterceptor {
    enum Kind { THROTTLING, SERVER_ERROR, TIMEOUT, CONNECTION_RESET }

    enum Phase { BEFORE_SEND, AFTER_APPLY }

    enum Scope { RETRIED, SURFACED }

    /** The fault planned for one API call. */
    private static final class Plan {
        final Kind kind;
        final Phase phase;
        final Scope scope;
        /** Attempts still to fail when {@link Scope#RETRIED}. */
        int attemptsLeft;

        Plan(Kind kind, Phase phase, Scope scope, int attempts) {
            this.kind = kind;
            this.phase = phase;
            this.scope = scope;
            this.attemptsLeft = attempts;
        }
    }

    private static final ExecutionAttribute<Plan> PLAN = new ExecutionAttribute<>("finnews.faults.plan");

    private final SplittableRandom random;
    private final double share;
    private final double surfacedShare;
    private final Map<String, Integer> injected = new TreeMap<>();
    private int calls;
    private int faultyCalls;

    /**
     * @param share         the share of API calls that meet a fault
     * @param surfacedShare of those, the share the SDK does not recover from
     */
    FaultInjector(long seed, double share, double surfacedShare) {
        this.random = new SplittableRandom(seed);
        this.share = share;
        this.surfacedShare = surfacedShare;
    }

    @Override
    public synchronized void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        calls++;
        if (random.nextDouble() >= share) {
            return;
        }
        faultyCalls++;
        Phase phase = random.nextBoolean() ? Phase.BEFORE_SEND : Phase.AFTER_APPLY;
        Kind kind = phase == Phase.BEFORE_SEND
                ? Kind.values()[random.nextInt(Kind.values().length)]
                : Kind.values()[1 + random.nextInt(Kind.values().length - 1)];
        Scope scope = random.nextDouble() < surfacedShare ? Scope.SURFACED : Scope.RETRIED;
        Plan plan = new Plan(kind, phase, scope, 1 + random.nextInt(2));
        attributes.putAttribute(PLAN, plan);
        if (scope == Scope.SURFACED && phase == Phase.BEFORE_SEND) {
            throw inject(plan, attributes);
        }
    }

    @Override
    public synchronized void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Plan plan = retryDue(attributes, Phase.BEFORE_SEND);
        if (plan != null) {
            throw inject(plan, attributes);
        }
    }

    @Override
    public synchronized void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        Plan plan = retryDue(attributes, Phase.AFTER_APPLY);
        if (plan != null) {
            drop(context.responseBody());
            throw inject(plan, attributes);
        }
    }

    /** The request's plan when it fails SDK attempts in {@code phase} and one is still due (then counted), else null. */
    private static Plan retryDue(ExecutionAttributes attributes, Phase phase) {
        Plan plan = attributes.getAttribute(PLAN);
        if (plan == null || plan.scope != Scope.RETRIED || plan.phase != phase || plan.attemptsLeft == 0) {
            return null;
        }
        plan.attemptsLeft--;
        return plan;
    }

    @Override
    public synchronized void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Plan plan = attributes.getAttribute(PLAN);
        if (plan != null && plan.scope == Scope.SURFACED && plan.phase == Phase.AFTER_APPLY) {
            drop(context.responseBody());
            throw inject(plan, attributes);
        }
    }

    /** API calls seen. */
    synchronized int calls() {
        return calls;
    }

    /** API calls that met a fault (a retried one may fail more than one attempt). */
    synchronized int faultyCalls() {
        return faultyCalls;
    }

    /** Faults thrown, by "kind phase scope" and by "service.operation". */
    synchronized Map<String, Integer> injected() {
        return new TreeMap<>(injected);
    }

    /** Faults thrown whose key starts with {@code prefix} (a kind, or "kind phase", …). */
    synchronized int count(String prefix) {
        return injected.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToInt(Map.Entry::getValue).sum();
    }

    private SdkException inject(Plan plan, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        injected.merge(plan.kind + " " + plan.phase + " " + plan.scope, 1, Integer::sum);
        injected.merge("call " + service + "." + operation, 1, Integer::sum);
        return fault(plan.kind, plan.phase, service, random.nextBoolean());
    }

    /** What the SDK would throw for this fault; {@code alternative} picks between two shapes of a timeout. */
    static SdkException fault(Kind kind, Phase phase, String service, boolean alternative) {
        boolean s3 = "S3".equals(service);
        String note = " (injected " + phase + ")";
        return switch (kind) {
            case THROTTLING -> s3
                    ? service(S3Exception.builder(), 503, "SlowDown", "Please reduce your request rate." + note, service)
                    : service(ProvisionedThroughputExceededException.builder(), 400, "ProvisionedThroughputExceededException",
                            "The level of configured provisioned throughput for the table was exceeded." + note, service);
            case SERVER_ERROR -> s3
                    ? service(S3Exception.builder(), 500, "InternalError", "We encountered an internal error." + note, service)
                    : service(InternalServerErrorException.builder(), 500, "InternalServerError",
                            "Internal server error" + note, service);
            case TIMEOUT -> phase == Phase.BEFORE_SEND
                    ? network(new SocketTimeoutException("connect timed out" + note))
                    : alternative
                            ? ApiCallAttemptTimeoutException.builder().message("HTTP request execution did not complete before the specified timeout configuration: 5000 millis" + note).build()
                            : network(new SocketTimeoutException("Read timed out" + note));
            case CONNECTION_RESET -> network(new SocketException("Connection reset" + note));
        };
    }

    private static SdkException service(software.amazon.awssdk.awscore.exception.AwsServiceException.Builder builder,
                                        int status, String code, String message, String service) {
        return builder.message(message).statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName(service)
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build()).build())
                .build();
    }

    private static SdkException network(IOException cause) {
        return SdkClientException.builder().message("Unable to execute HTTP request: " + cause.getMessage()).cause(cause).build();
    }

    /** A lost response is never read; its connection is closed rather than left half-read. */
    private static void drop(Optional<InputStream> body) {
        body.ifPresent(in -> {
            try {
                in.close();
            } catch (IOException ignored) {
                // the response is being thrown away anyway
            }
        });
    }
}
