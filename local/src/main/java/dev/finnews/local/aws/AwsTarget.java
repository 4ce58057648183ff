package dev.finnews.local.aws;

import dev.finnews.store.aws.AwsSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a command's AWS calls go, and the environment a handler started by the command receives:
 * the process's own environment (limits, credentials) with {@code AWS_REGION}, {@code FINNEWS_TABLE}
 * and, for an emulator, {@code AWS_ENDPOINT_URL} set. An emulator gets the dummy credentials
 * {@code test}/{@code test} unless the environment names some; AWS itself gets the default chain.
 *
 * @param endpoint an emulator's endpoint (moto, LocalStack), or empty for AWS (or whatever
 *                 {@code AWS_ENDPOINT_URL} in the environment says, as the SDK would)
 */
public record AwsTarget(Optional<URI> endpoint, String region) {
    public static final String DUMMY_CREDENTIAL = "test";
    public static final String DEFAULT_REGION = "us-east-1";

    public AwsTarget {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
    }

    /** The region the environment names ({@code AWS_REGION}, {@code AWS_DEFAULT_REGION}), else us-east-1. */
    public static String defaultRegion(Map<String, String> env) {
        for (String name : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return DEFAULT_REGION;
    }

    /** The environment for a handler working on {@code table} at this target. */
    public Map<String, String> handlerEnv(Map<String, String> base, String table) {
        Map<String, String> env = env(base);
        env.put("FINNEWS_TABLE", table);
        return env;
    }

    /** An S3 client for the command's own calls; path-style for an emulator, which answers on one host name. */
    public S3Client s3(Map<String, String> base) {
        AwsSettings settings = AwsSettings.fromEnv(env(base));
        return settings.configure(S3Client.builder()).forcePathStyle(settings.endpoint().isPresent()).build();
    }

    public SqsClient sqs(Map<String, String> base) {
        return AwsSettings.fromEnv(env(base)).configure(SqsClient.builder()).build();
    }

    public DynamoDbClient dynamoDb(Map<String, String> base) {
        return AwsSettings.fromEnv(env(base)).configure(DynamoDbClient.builder()).build();
    }

    private Map<String, String> env(Map<String, String> base) {
        Map<String, String> env = new HashMap<>(base);
        env.put("AWS_REGION", region);
        endpoint.ifPresent(uri -> {
            env.put("AWS_ENDPOINT_URL", uri.toString());
            if (!env.containsKey("AWS_ACCESS_KEY_ID") || !env.containsKey("AWS_SECRET_ACCESS_KEY")) {
                env.put("AWS_ACCESS_KEY_ID", DUMMY_CREDENTIAL);
                env.put("AWS_SECRET_ACCESS_KEY", DUMMY_CREDENTIAL);
                env.remove("AWS_SESSION_TOKEN");
            }
        });
        return env;
    }
}
