package dev.finnews.query;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The cold-start baseline: the function as it is usually written. The typed handler of
 * {@link TypedQueryHandler}, except that the DynamoDB client is a default {@code DynamoDbClient.create()}.
 */
public final class NaiveQueryHandler extends TypedQueryHandler {
    public NaiveQueryHandler() {
        super(DynamoDbClient.create());
    }
}
