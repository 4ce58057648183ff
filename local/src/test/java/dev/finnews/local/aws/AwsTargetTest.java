package dev.finnews.local.aws;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class AwsTargetTest {
    private static final AwsTarget MOTO = new AwsTarget(Optional.of(URI.create("http://127.0.0.1:4566")), "eu-west-1");

    @Test
    void anEmulatorGetsItsEndpointAndDummyCredentials() {
        Map<String, String> env = MOTO.handlerEnv(Map.of("PATH", "/bin", "FINNEWS_MAX_TEXT_BYTES", "5000"), "t1");

        assertThat(env).contains(entry("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"), entry("AWS_REGION", "eu-west-1"),
                entry("FINNEWS_TABLE", "t1"), entry("AWS_ACCESS_KEY_ID", "test"), entry("AWS_SECRET_ACCESS_KEY", "test"),
                entry("FINNEWS_MAX_TEXT_BYTES", "5000"), entry("PATH", "/bin"));
    }

    @Test
    void credentialsInTheEnvironmentAreKept() {
        Map<String, String> env = MOTO.handlerEnv(Map.of("AWS_ACCESS_KEY_ID", "id", "AWS_SECRET_ACCESS_KEY", "secret"), "t");

        assertThat(env).contains(entry("AWS_ACCESS_KEY_ID", "id"), entry("AWS_SECRET_ACCESS_KEY", "secret"));
    }

    @Test
    void awsItselfGetsNoEndpointAndNoInventedCredentials() {
        Map<String, String> env = new AwsTarget(Optional.empty(), "us-east-1").handlerEnv(Map.of(), "t");

        assertThat(env).doesNotContainKeys("AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    }

    @Test
    void theDefaultRegionComesFromTheEnvironment() {
        assertThat(AwsTarget.defaultRegion(Map.of("AWS_REGION", "ap-east-1", "AWS_DEFAULT_REGION", "eu-west-1")))
                .isEqualTo("ap-east-1");
        assertThat(AwsTarget.defaultRegion(Map.of("AWS_DEFAULT_REGION", "eu-west-1"))).isEqualTo("eu-west-1");
        assertThat(AwsTarget.defaultRegion(Map.of())).isEqualTo("us-east-1");
    }
}
