package dev.finnews.store.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How every finnews SDK client is built, from one environment map: region from {@code AWS_REGION}
 * (or {@code AWS_DEFAULT_REGION}), endpoint from the standard {@code AWS_ENDPOINT_URL} (AWS,
 * LocalStack or moto alike), credentials from the map's {@code AWS_ACCESS_KEY_ID}… when present (what
 * Lambda sets) else the default chain, and one lightweight URLConnection HTTP client shared by all
 * clients. Nothing here discovers anything at run time that the map already says.
 */
public final class AwsSettings {
    private final Region region;
    private final URI endpoint;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient httpClient;
    private final List<ExecutionInterceptor> interceptors;

    private AwsSettings(Region region, URI endpoint, AwsCredentialsProvider credentials, SdkHttpClient httpClient,
                        List<ExecutionInterceptor> interceptors) {
        this.region = region;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.httpClient = httpClient;
        this.interceptors = List.copyOf(interceptors);
    }

    public static AwsSettings fromEnv(Map<String, String> env) {
        String regionName = Optional.ofNullable(env.get("AWS_REGION")).or(() -> Optional.ofNullable(env.get("AWS_DEFAULT_REGION")))
                .filter(r -> !r.isBlank())
                .orElseThrow(() -> new IllegalStateException("AWS_REGION is not set"));
        URI endpoint = Optional.ofNullable(env.get("AWS_ENDPOINT_URL")).filter(e -> !e.isBlank()).map(URI::create).orElse(null);
        return new AwsSettings(Region.of(regionName), endpoint, credentialsFrom(env), defaultHttpClient(), List.of());
    }

    /** The same settings with interceptors added to every client (call counting, fault injection in tests). */
    public AwsSettings withInterceptors(List<ExecutionInterceptor> extra) {
        List<ExecutionInterceptor> all = new java.util.ArrayList<>(interceptors);
        all.addAll(extra);
        return new AwsSettings(region, endpoint, credentials, httpClient, all);
    }

    public Region region() {
        return region;
    }

    /** The endpoint override, or empty for AWS itself. */
    public Optional<URI> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /** Applies region, endpoint, credentials, HTTP client and interceptors to a client builder. */
    public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.region(region).credentialsProvider(credentials);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        builder.overrideConfiguration(ClientOverrideConfiguration.builder().executionInterceptors(interceptors).build());
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(httpClient);
        }
        return builder;
    }

    private static AwsCredentialsProvider credentialsFrom(Map<String, String> env) {
        String id = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (id == null || secret == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        String token = env.get("AWS_SESSION_TOKEN");
        return StaticCredentialsProvider.create(token == null
                ? AwsBasicCredentials.create(id, secret)
                : AwsSessionCredentials.create(id, secret, token));
    }

    private static SdkHttpClient defaultHttpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
    }
}
