package dev.finnews.local.lambda;

import java.time.Duration;
import java.util.Objects;

/**
 * The identity a locally run handler sees through its {@code Context}: name, ARN and time limit, as
 * the deployed function would have them.
 */
public record LocalFunction(String name, String region, Duration timeout) {
    /** moto's default account; nothing local checks it, it only shapes ARNs and request contexts. */
    public static final String ACCOUNT = "123456789012";

    public LocalFunction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(timeout, "timeout");
    }

    public static LocalFunction ingest(String region) {
        return new LocalFunction("finnews-ingest", region, Duration.ofSeconds(60));
    }

    public static LocalFunction query(String region) {
        return new LocalFunction("finnews-query", region, Duration.ofSeconds(10));
    }

    /** The unqualified version's ARN, as destinations and contexts show it. */
    public String arn() {
        return "arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:" + name + ":$LATEST";
    }
}
