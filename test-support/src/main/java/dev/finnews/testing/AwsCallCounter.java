package dev.finnews.testing;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Counts the AWS requests an SDK client makes, by operation ({@code DynamoDb.TransactWriteItems}),
 * once per API call (retries are not counted twice). Add it with
 * {@code overrideConfiguration(o -> o.addExecutionInterceptor(counter))}.
 */
public final class AwsCallCounter implements ExecutionInterceptor {
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        calls.add(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    public int total() {
        return calls.size();
    }

    /** Calls of one service, e.g. {@code "DynamoDb"} or {@code "S3"}. */
    public int of(String service) {
        return (int) calls.stream().filter(c -> c.startsWith(service + ".")).count();
    }

    public Map<String, Integer> byOperation() {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        calls.forEach(c -> counts.merge(c, 1, Integer::sum));
        return Map.copyOf(counts);
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    public void reset() {
        calls.clear();
    }
}
