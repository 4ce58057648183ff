package dev.finnews.local.up;

import dev.finnews.store.dynamo.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.Map;

/**
 * What the SAM template deploys, made on an emulator: the bucket, the table, the ingest function's
 * failure queue, and (standing in for S3's direct call of Lambda) a queue that receives the bucket's
 * event notifications. Creating is idempotent, so {@code --endpoint} may point at one that has them.
 *
 * @param notificationQueueUrl where S3 sends {@code ObjectCreated:*} and {@code ObjectRemoved:*} events
 * @param failureQueueUrl      the on-failure destination of the ingest function
 */
record LocalResources(String bucket, String table, String notificationQueueUrl, String failureQueueUrl) {
    /** Longer than the worst invocation with its retries, so a message in work is not delivered twice. */
    static final int NOTIFICATION_VISIBILITY_SECONDS = 300;
    /** SQS's maximum, as the template's failure queue keeps records. */
    static final int FAILURE_RETENTION_SECONDS = 14 * 24 * 3600;

    static LocalResources create(S3Client s3, DynamoDbClient dynamoDb, SqsClient sqs, String bucket, String table,
                                 String region) {
        createBucket(s3, bucket, region);
        TableSchema.ensure(dynamoDb, table);
        String queuePrefix = "finnews-" + bucket.replace('.', '-');
        String notifications = sqs.createQueue(r -> r.queueName(queuePrefix + "-events")
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(NOTIFICATION_VISIBILITY_SECONDS))))
                .queueUrl();
        String failures = sqs.createQueue(r -> r.queueName(queuePrefix + "-ingest-failures")
                .attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, Integer.toString(FAILURE_RETENTION_SECONDS))))
                .queueUrl();
        String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(notifications).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        // S3 may send to the queue only for this bucket (what AWS requires; emulators accept it as well).
        sqs.setQueueAttributes(r -> r.queueUrl(notifications).attributes(Map.of(QueueAttributeName.POLICY,
                s3SendPolicy(queueArn, bucket))));
        s3.putBucketNotificationConfiguration(r -> r.bucket(bucket).notificationConfiguration(n -> n.queueConfigurations(
                q -> q.id("finnews-ingest").queueArn(queueArn).events(Event.S3_OBJECT_CREATED, Event.S3_OBJECT_REMOVED))));
        return new LocalResources(bucket, table, notifications, failures);
    }

    private static void createBucket(S3Client s3, String bucket, String region) {
        try {
            if (region.equals("us-east-1")) {
                s3.createBucket(r -> r.bucket(bucket));
            } else {
                s3.createBucket(r -> r.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint(region)));
            }
        } catch (BucketAlreadyOwnedByYouException exists) {
            // created by an earlier run against the same endpoint: use it
        }
    }

    private static String s3SendPolicy(String queueArn, String bucket) {
        return """
                {"Version":"2012-10-17","Statement":[{"Sid":"s3-notifications","Effect":"Allow",\
                "Principal":{"Service":"s3.amazonaws.com"},"Action":"sqs:SendMessage","Resource":"%s",\
                "Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::%s"}}}]}""".formatted(queueArn, bucket);
    }
}
