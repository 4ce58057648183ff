package dev.finnews.ingest;

import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The ingest scenarios against LocalStack ({@code 4.14.0}, the last tag that starts without an auth
 * token; {@code LOCALSTACK_AUTH_TOKEN} is passed through when set). Skipped where no Docker engine exists.
 */
@Testcontainers(disabledWithoutDocker = true)
class IngestLocalStackIT extends IngestScenarios {
    private static final Map<String, String> AUTH = Optional.ofNullable(System.getenv("LOCALSTACK_AUTH_TOKEN"))
            .filter(t -> !t.isBlank()).map(t -> Map.of("LOCALSTACK_AUTH_TOKEN", t)).orElse(Map.of());

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.14.0"))
            .withServices(LocalStackContainer.Service.S3, LocalStackContainer.Service.DYNAMODB)
            .withEnv(AUTH);

    @Override
    URI endpoint() {
        return LOCALSTACK.getEndpoint();
    }
}
