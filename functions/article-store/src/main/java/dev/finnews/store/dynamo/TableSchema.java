package dev.finnews.store.dynamo;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The table as the SAM template declares it: string keys {@code pk}/{@code sk}, on-demand, TTL on
 * {@code expiresAt}, no secondary indexes. For tests, the local runner and a first deployment by hand.
 */
public final class TableSchema {
    public static final String DEFAULT_NAME = "finnews-articles";
    public static final String TTL_ATTRIBUTE = ArticleItems.EXPIRES_AT;

    private TableSchema() {
    }

    /** Creates the table, waits until it is active, and turns TTL on. Fails if it exists. */
    public static void create(DynamoDbClient ddb, String table) {
        ddb.createTable(r -> r.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName(Keys.PK).attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName(Keys.SK).attributeType(ScalarAttributeType.S).build())
                .keySchema(
                        KeySchemaElement.builder().attributeName(Keys.PK).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(Keys.SK).keyType(KeyType.RANGE).build()));
        ddb.waiter().waitUntilTableExists(r -> r.tableName(table)).matched().exception().ifPresent(e -> {
            throw new IllegalStateException("table " + table + " did not become active", e);
        });
        ddb.updateTimeToLive(r -> r.tableName(table)
                .timeToLiveSpecification(t -> t.attributeName(TTL_ATTRIBUTE).enabled(true)));
    }

    /** Creates the table unless it exists; true when it was created. */
    public static boolean ensure(DynamoDbClient ddb, String table) {
        try {
            ddb.describeTable(r -> r.tableName(table));
            return false;
        } catch (ResourceNotFoundException absent) {
            create(ddb, table);
            return true;
        }
    }
}
