package dev.finnews.infrastructure;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finnews.store.aws.AwsSettings;
import dev.finnews.testing.MotoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.finnews.infrastructure.CfnTemplate.at;
import static dev.finnews.infrastructure.CfnTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * infrastructure/localstack/setup.sh, run twice against moto's server: LocalStack itself needs Docker,
 * which this build machine lacks, but the script only makes plain AWS CLI calls, and moto answers
 * them the same way. Proves the resources, the notification, the env file for sam local and the
 * printed environment; the S3 event moto then sends agrees with infrastructure/events/s3-put.json.
 */
class LocalStackScriptIT {
    private static final String NAME = "finnews-infra-script-it";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> aws;
    private static Path envFile;
    private static List<Command> runs;

    @BeforeAll
    static void runTheScriptTwice() throws IOException {
        String endpoint = MotoServer.get().endpoint().toString();
        aws = Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_ENDPOINT_URL", endpoint);
        Path work = Repo.workDir("localstack-it");
        Files.createDirectories(work);
        envFile = work.resolve("env.json");
        Map<String, String> env = new HashMap<>(aws);
        env.putAll(Map.of("LOCALSTACK_ENDPOINT", endpoint, "FINNEWS_BUCKET", NAME, "FINNEWS_TABLE", NAME,
                "FINNEWS_EVENTS_QUEUE", NAME, "FINNEWS_ENV_FILE", envFile.toString()));
        env.remove("AWS_ENDPOINT_URL"); // the script must not need it: it passes --endpoint-url itself
        runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(Command.run(Repo.root(), env, List.of("bash", "infrastructure/localstack/setup.sh")));
        }
    }

    @Test
    void succeedsAndCanRunAgain() {
        assertThat(runs).allSatisfy(run -> assertThat(run.exitCode()).as(run.toString()).isZero());
        assertThat(runs.get(0).output()).contains("created bucket " + NAME, "created table " + NAME);
        assertThat(runs.get(1).output()).doesNotContain("created bucket", "created table");
    }

    @Test
    void printsTheEnvironmentForTheFunctions() {
        String output = runs.get(1).output();
        assertThat(output).contains("export AWS_ENDPOINT_URL=" + aws.get("AWS_ENDPOINT_URL"),
                "export FINNEWS_TABLE=" + NAME, "export FINNEWS_BUCKET=" + NAME, "sam local invoke IngestFunction",
                "sam local start-api");
        assertThat(output).containsPattern("export CURSOR_SECRET=[0-9a-f]{64}\\n");
        // the same secret on every run, so cursors stay valid
        assertThat(cursorSecret(runs.get(0).output())).isEqualTo(cursorSecret(output));
    }

    @Test
    void envFileOnlyOverridesVariablesTheTemplateDeclares() throws IOException {
        JsonNode env = JSON.readTree(envFile.toFile());
        CfnTemplate template = CfnTemplate.load(Repo.path("template.yaml"));
        for (String function : List.of("IngestFunction", "QueryFunction")) {
            Set<String> declared = map(at(template.properties(function), "Environment", "Variables").orElseThrow()).keySet();
            List<String> overridden = new ArrayList<>();
            env.path(function).fieldNames().forEachRemaining(overridden::add);
            // sam local silently ignores a variable the template does not declare
            assertThat(declared).as(function).containsAll(overridden);
            assertThat(overridden).contains("FINNEWS_TABLE", "AWS_ENDPOINT_URL");
            assertThat(env.path(function).path("FINNEWS_TABLE").asText()).isEqualTo(NAME);
        }
        assertThat(env.path("QueryFunction").path("CURSOR_SECRET").asText()).matches("[0-9a-f]{64}");
    }

    @Test
    void createsTheTableTheStoreNeeds() {
        try (DynamoDbClient dynamodb = AwsSettings.fromEnv(aws).configure(DynamoDbClient.builder()).build()) {
            var table = dynamodb.describeTable(b -> b.tableName(NAME)).table();
            assertThat(table.keySchema()).extracting(KeySchemaElement::attributeName, k -> k.keyType().toString())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("pk", "HASH"), org.assertj.core.groups.Tuple.tuple("sk", "RANGE"));
            var ttl = dynamodb.describeTimeToLive(b -> b.tableName(NAME)).timeToLiveDescription();
            assertThat(ttl.attributeName()).isEqualTo("expiresAt");
            assertThat(ttl.timeToLiveStatusAsString()).isEqualTo("ENABLED");
        }
    }

    @Test
    void bucketNotifiesTheQueueOfCreatesAndDeletes() {
        try (S3Client s3 = AwsSettings.fromEnv(aws).configure(S3Client.builder()).forcePathStyle(true).build()) {
            GetBucketNotificationConfigurationResponse notification = s3.getBucketNotificationConfiguration(b -> b.bucket(NAME));
            assertThat(notification.queueConfigurations()).singleElement().satisfies((QueueConfiguration queue) -> {
                assertThat(queue.queueArn()).endsWith(":" + NAME);
                assertThat(queue.eventsAsStrings()).containsExactlyInAnyOrder("s3:ObjectCreated:*", "s3:ObjectRemoved:*");
                assertThat(queue.filter().key().filterRules()).singleElement()
                        .satisfies(rule -> assertThat(rule.value()).isEqualTo(".md"));
            });
            assertThat(s3.getBucketEncryption(b -> b.bucket(NAME)).serverSideEncryptionConfiguration().rules())
                    .singleElement().satisfies(rule ->
                            assertThat(rule.applyServerSideEncryptionByDefault().sseAlgorithmAsString()).isEqualTo("AES256"));
            assertThat(s3.getPublicAccessBlock(b -> b.bucket(NAME)).publicAccessBlockConfiguration().blockPublicAcls()).isTrue();
        }
    }

    @Test
    void theSampleUploadArrivesAsTheEventFileDescribesIt() throws IOException {
        S3ObjectEntity expected = EventsIT.s3Event("s3-put.json").getRecords().get(0).getS3().getObject();
        List<JsonNode> records = new ArrayList<>();
        try (SqsClient sqs = AwsSettings.fromEnv(aws).configure(SqsClient.builder()).build()) {
            String url = sqs.getQueueUrl(b -> b.queueName(NAME)).queueUrl();
            List<Message> messages;
            do {
                messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
                for (Message message : messages) {
                    JSON.readTree(message.body()).path("Records").forEach(records::add);
                }
            } while (!messages.isEmpty());
        }
        assertThat(records).as("one upload per run").hasSize(2).allSatisfy(record -> {
            assertThat(record.path("eventName").asText()).startsWith("ObjectCreated:");
            JsonNode object = record.path("s3").path("object");
            // moto and S3 may escape '/' differently; decoded, the key is the event file's.
            assertThat(URLDecoder.decode(object.path("key").asText(), StandardCharsets.UTF_8)).isEqualTo(expected.getUrlDecodedKey());
            assertThat(object.path("eTag").asText()).isEqualTo(expected.geteTag());
            assertThat(object.path("size").asLong()).isEqualTo(expected.getSizeAsLong());
        });
    }

    private static String cursorSecret(String output) {
        return output.lines().filter(l -> l.startsWith("export CURSOR_SECRET=")).findFirst().orElseThrow();
    }
}
