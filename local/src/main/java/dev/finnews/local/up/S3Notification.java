package dev.finnews.local.up;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an S3 notification delivered to SQS holds. S3 sends the same JSON to a queue as to a Lambda
 * function, so a message body with {@code Records} is exactly the event Lambda would pass; the
 * {@code s3:TestEvent} S3 sends when notifications are configured never reaches a function.
 */
sealed interface S3Notification {
    ObjectMapper MAPPER = new ObjectMapper();

    /** S3 checking that it can reach the queue. */
    record TestEvent() implements S3Notification {
    }

    /** An event for the ingest function: the body, passed on as is. */
    record Event(String json) implements S3Notification {
    }

    /** Anything else: not from S3, or not JSON. */
    record Unrecognised(String reason) implements S3Notification {
    }

    static S3Notification of(String body) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return new Unrecognised("not JSON");
        }
        if (tree == null || !tree.isObject()) {
            return new Unrecognised("not a JSON object");
        }
        if ("s3:TestEvent".equals(tree.path("Event").asText())) {
            return new TestEvent();
        }
        return tree.path("Records").isArray() ? new Event(body) : new Unrecognised("no Records");
    }
}
