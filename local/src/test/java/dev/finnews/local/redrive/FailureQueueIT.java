package dev.finnews.local.redrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finnews.article.ArticleId;
import dev.finnews.ingest.IngestHandler;
import dev.finnews.local.aws.AwsTarget;
import dev.finnews.local.cli.CapturedTerminal;
import dev.finnews.local.cli.ExitCode;
import dev.finnews.local.lambda.AsyncInvoker;
import dev.finnews.local.lambda.LocalFunction;
import dev.finnews.store.dynamo.DynamoArticleStore;
import dev.finnews.store.dynamo.TableSchema;
import dev.finnews.testing.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failure path with the real ingest handler against moto: an ingest that keeps failing (its table
 * does not exist yet) is retried and then recorded on the failure queue in the on-failure shape; once
 * the table exists, {@code redrive} replays the record, the article is stored and the message deleted,
 * while a message holding no event stays.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FailureQueueIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = "redrive-it";
    private static final String TABLE = "redrive-it-articles";
    private static final String KEY = "失败 重放/样本+1.md";
    private static final String ARTICLE = String.join("\n", "", "---", "title: '重放测试：库存数据回落'", "categories: ",
            " - 金融", " - 新浪财经", " - 新浪财经－国內", "headimg: 'https://picsum.photos/400/300?random=9'",
            "author: 新浪财经", "comments: false", "date: Mon, 04 Jul 2022 01:00:00 GMT",
            "thumbnail: 'https://picsum.photos/400/300?random=9'", "---", "", "<div>   ",
            "<p>　　仓储企业反馈本周库存小幅回落，物流运价总体平稳。</p>", "  ", "</div>", "            ");

    private final AwsTarget moto = new AwsTarget(Optional.of(MotoServer.get().endpoint()), "us-east-1");
    private final Map<String, String> env = moto.handlerEnv(Map.of(), TABLE);

    @Test
    void aFailedIngestGoesToTheFailureQueueAndRedriveReplaysIt() throws Exception {
        try (S3Client s3 = moto.s3(Map.of()); SqsClient sqs = moto.sqs(Map.of()); DynamoDbClient ddb = moto.dynamoDb(Map.of())) {
            s3.createBucket(r -> r.bucket(BUCKET));
            String queue = sqs.createQueue(r -> r.queueName("redrive-it-failures")).queueUrl();
            String eTag = s3.putObject(r -> r.bucket(BUCKET).key(KEY), RequestBody.fromString(ARTICLE, StandardCharsets.UTF_8)).eTag();
            String event = s3PutEvent(eTag.replace("\"", ""));

            ByteArrayOutputStream log = new ByteArrayOutputStream();
            try (AsyncInvoker invoker = new AsyncInvoker(LocalFunction.ingest("us-east-1"), () -> new IngestHandler(env), record -> sqs.sendMessage(r -> r.queueUrl(queue).messageBody(record)),
                    AsyncInvoker.LOCAL_RETRY_DELAYS, 1, new PrintStream(log, true, StandardCharsets.UTF_8), Clock.systemUTC())) {
                AsyncInvoker.Result result = invoker.invoke(event).get(60, TimeUnit.SECONDS);
                assertThat(result).isInstanceOf(AsyncInvoker.Result.Failed.class);
            }

            List<Message> failed = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).visibilityTimeout(0))
                    .messages();
            assertThat(failed).hasSize(1);
            JsonNode record = JSON.readTree(failed.get(0).body());
            assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
            assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
            assertThat(record.at("/requestPayload")).isEqualTo(JSON.readTree(event));
            assertThat(record.at("/responsePayload/errorType").asText()).endsWith("IngestRetryException");

            sqs.sendMessage(r -> r.queueUrl(queue).messageBody("{\"note\":\"not an event\"}"));
            TableSchema.create(ddb, TABLE);

            CapturedTerminal captured = new CapturedTerminal();
            RedriveCommand redrive = new RedriveCommand();
            int status = redrive.run(redrive.options().parse(List.of("--endpoint", MotoServer.get().endpoint().toString(),
                    "--queue", queue, "--table", TABLE)), captured.terminal());

            assertThat(captured.out()).isEqualTo("redriven=1 failed=0 skipped=1\n");
            assertThat(status).isEqualTo(ExitCode.FAILED);
            assertThat(new DynamoArticleStore(ddb, TABLE).get(ArticleId.of(BUCKET, KEY)))
                    .hasValueSatisfying(stored -> assertThat(stored.article().title()).isEqualTo("重放测试：库存数据回落"));
            List<Message> left = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)).messages();
            assertThat(left).extracting(Message::body).containsExactly("{\"note\":\"not an event\"}");
        }
    }

    /** The notification S3 sends for the upload: key form-encoded, no sequencer (as moto sends it). */
    private static String s3PutEvent(String eTag) {
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",\
                "eventTime":"2022-07-04T01:00:05.000Z","eventName":"ObjectCreated:Put",\
                "s3":{"s3SchemaVersion":"1.0","bucket":{"name":"%s","arn":"arn:aws:s3:::%s"},\
                "object":{"key":"%%E5%%A4%%B1%%E8%%B4%%A5+%%E9%%87%%8D%%E6%%94%%BE/%%E6%%A0%%B7%%E6%%9C%%AC%%2B1.md",\
                "size":%d,"eTag":"%s"}}}]}""".formatted(BUCKET, BUCKET, ARTICLE.getBytes(StandardCharsets.UTF_8).length, eTag);
    }
}
