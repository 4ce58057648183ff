package dev.finnews.store.dynamo;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The actions of one {@code TransactWriteItems}. DynamoDB lets a transaction touch an item once and
 * holds at most {@link #MAX_ACTIONS} actions; both rules are checked here, before anything is sent,
 * so a mistake is a clear exception and never a half-understood cancellation.
 */
final class WritePlan {
    static final int MAX_ACTIONS = 100;

    private final String table;
    private final Map<String, TransactWriteItem> actions = new LinkedHashMap<>();

    WritePlan(String table) {
        this.table = table;
    }

    void put(Map<String, AttributeValue> item) {
        add(item, TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build());
    }

    void conditionalPut(Map<String, AttributeValue> item, Condition condition) {
        add(item, TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression(condition.expression())
                .expressionAttributeNames(condition.names())
                .expressionAttributeValues(condition.values().isEmpty() ? null : condition.values())
                .build()).build());
    }

    void delete(String pk, String sk) {
        Map<String, AttributeValue> key = ArticleItems.key(pk, sk);
        add(key, TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key).build()).build());
    }

    void update(Map<String, AttributeValue> key, String expression, Map<String, String> names,
                Map<String, AttributeValue> values, Condition condition) {
        Update.Builder update = Update.builder().tableName(table).key(key).updateExpression(expression);
        Map<String, String> allNames = new LinkedHashMap<>(names);
        Map<String, AttributeValue> allValues = new LinkedHashMap<>(values);
        if (condition != null) {
            update.conditionExpression(condition.expression());
            allNames.putAll(condition.names());
            allValues.putAll(condition.values());
        }
        update.expressionAttributeNames(allNames.isEmpty() ? null : allNames);
        update.expressionAttributeValues(allValues.isEmpty() ? null : allValues);
        add(key, TransactWriteItem.builder().update(update.build()).build());
    }

    List<TransactWriteItem> actions() {
        return List.copyOf(actions.values());
    }

    int size() {
        return actions.size();
    }

    private void add(Map<String, AttributeValue> item, TransactWriteItem action) {
        String id = item.get(Keys.PK).s() + "\u0000" + item.get(Keys.SK).s();
        if (actions.putIfAbsent(id, action) != null) {
            throw new IllegalStateException("a transaction may touch an item once: " + id.replace('\u0000', '|'));
        }
        if (actions.size() > MAX_ACTIONS) {
            throw new IllegalStateException("more than " + MAX_ACTIONS + " actions in one transaction");
        }
    }

    /** A condition on the article item. */
    record Condition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
    }
}
