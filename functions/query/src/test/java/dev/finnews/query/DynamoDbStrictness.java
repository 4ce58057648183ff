package dev.finnews.query;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What real DynamoDB refuses with a {@code ValidationException} and moto lets through, refused here
 * before the request leaves, for the table's string keys {@code pk} and {@code sk}: key values that
 * are empty or over the size limits (partition key 2,048 bytes, sort key 1,024), a {@code BETWEEN} whose
 * lower bound is above its upper bound, and an {@code ExclusiveStartKey} outside the key condition.
 */
final class DynamoDbStrictness implements ExecutionInterceptor {
    private static final int MAX_PARTITION_KEY_BYTES = 2048;
    private static final int MAX_SORT_KEY_BYTES = 1024;
    private static final Pattern PARTITION = Pattern.compile("#pk = (:\\w+)");
    private static final Pattern BETWEEN = Pattern.compile("#sk BETWEEN (:\\w+) AND (:\\w+)");
    private static final Pattern COMPARISON = Pattern.compile("#sk (>=|<=|>|<|=) (:\\w+)");

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (request instanceof GetItemRequest get) {
            checkKey(get.key().get("pk"), MAX_PARTITION_KEY_BYTES, "pk");
            checkKey(get.key().get("sk"), MAX_SORT_KEY_BYTES, "sk");
        } else if (request instanceof QueryRequest query) {
            check(query);
        }
    }

    private static void check(QueryRequest query) {
        String condition = query.keyConditionExpression();
        Map<String, AttributeValue> values = query.expressionAttributeValues();
        if (query.limit() != null && query.limit() < 1) {
            throw refused("Limit must be at least 1");
        }
        Matcher pk = PARTITION.matcher(condition);
        if (!pk.find()) {
            throw refused("no partition key condition");
        }
        String partition = checkKey(values.get(pk.group(1)), MAX_PARTITION_KEY_BYTES, "pk");
        String lo = null;
        String hi = null;
        Matcher between = BETWEEN.matcher(condition);
        Matcher comparison = COMPARISON.matcher(condition);
        if (between.find()) {
            lo = checkKey(values.get(between.group(1)), MAX_SORT_KEY_BYTES, "sk");
            hi = checkKey(values.get(between.group(2)), MAX_SORT_KEY_BYTES, "sk");
            if (compare(lo, hi) > 0) {
                throw refused("Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound");
            }
        } else if (comparison.find()) {
            String bound = checkKey(values.get(comparison.group(2)), MAX_SORT_KEY_BYTES, "sk");
            lo = comparison.group(1).startsWith(">") ? bound : null;
            hi = comparison.group(1).startsWith("<") ? bound : null;
        }
        Map<String, AttributeValue> start = query.exclusiveStartKey();
        if (query.hasExclusiveStartKey() && !start.isEmpty()) {
            String startPk = checkKey(start.get("pk"), MAX_PARTITION_KEY_BYTES, "pk");
            String startSk = checkKey(start.get("sk"), MAX_SORT_KEY_BYTES, "sk");
            if (!startPk.equals(partition) || (lo != null && compare(startSk, lo) < 0) || (hi != null && compare(startSk, hi) > 0)) {
                throw refused("The provided starting key is outside query boundaries based on provided conditions");
            }
        }
    }

    private static String checkKey(AttributeValue value, int maxBytes, String name) {
        if (value == null || value.s() == null) {
            throw refused("The provided key element does not match the schema: " + name);
        }
        int bytes = value.s().getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0) {
            throw refused("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: " + name);
        }
        if (bytes > maxBytes) {
            throw refused("Size of key " + name + " has exceeded the maximum size limit of " + maxBytes + " bytes");
        }
        return value.s();
    }

    /** DynamoDB orders strings by their UTF-8 bytes, unsigned. */
    private static int compare(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static DynamoDbException refused(String message) {
        return (DynamoDbException) DynamoDbException.builder().message(message).statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").errorMessage(message).serviceName("DynamoDb").build())
                .build();
    }
}
