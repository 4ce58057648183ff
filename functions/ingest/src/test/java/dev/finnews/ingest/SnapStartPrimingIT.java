package dev.finnews.ingest;

import dev.finnews.store.aws.AwsSettings;
import dev.finnews.store.dynamo.TableSchema;
import dev.finnews.testing.AwsCallCounter;
import dev.finnews.testing.MotoServer;
import dev.finnews.testing.RecordingCracContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** SnapStart priming through the real clients against moto: exactly the expected requests, all answered, nothing written. */
class SnapStartPrimingIT {

    @Test
    void beforeCheckpointSendsAGetItemAGetObjectAndARefusedTransactionAndWritesNothing() {
        String table = "priming-it-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> env = Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", MotoServer.get().endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "FINNEWS_TABLE", table);
        DynamoDbClient ddb = AwsSettings.fromEnv(env).configure(DynamoDbClient.builder()).build();
        TableSchema.create(ddb, table);
        AwsCallCounter calls = new AwsCallCounter();
        RecordingCracContext checkpoints = new RecordingCracContext();

        IngestHandler handler = new IngestHandler(IngestServices.fromEnv(env, List.of(calls)), line -> { }, checkpoints);
        assertThat(calls.total()).as("nothing is sent at init").isZero();

        assertThat(handler.priming().prime())
                .as("every step answered: the article is absent, the object 404s, the transaction is cancelled").isEmpty();
        assertThat(calls.calls()).containsExactly("DynamoDb.GetItem", "S3.GetObject", "DynamoDb.TransactWriteItems");

        calls.reset();
        assertThatCode(() -> checkpoints.beforeCheckpoint(null)).doesNotThrowAnyException();
        assertThat(calls.calls()).containsExactly("DynamoDb.GetItem", "S3.GetObject", "DynamoDb.TransactWriteItems");
        assertThat(ddb.scan(r -> r.tableName(table)).count()).isZero();
    }
}
