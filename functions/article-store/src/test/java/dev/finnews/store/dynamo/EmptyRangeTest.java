package dev.finnews.store.dynamo;

import dev.finnews.store.Lookup;
import dev.finnews.store.PageRequest;
import dev.finnews.store.PageToken;
import dev.finnews.store.SortOrder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A range inside one millisecond whose lower end is past the millisecond's start holds no sort key;
 * its bounds would make a reversed BETWEEN, which DynamoDB refuses (moto does not), so no Query is sent.
 */
class EmptyRangeTest {
    // Any request would throw UnsupportedOperationException: the client must not be asked.
    private final DynamoDbClient noCalls = new DynamoDbClient() {
        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    };
    private final DynamoArticleStore store = new DynamoArticleStore(noCalls, "t");
    private final Instant from = Instant.parse("2022-05-17T11:06:04.000500Z");
    private final Instant to = Instant.parse("2022-05-17T11:06:04.000700Z");

    @Test
    void aSubMillisecondRangeIsAnEmptyPageWithoutARequest() {
        assertThat(Keys.lowerBound(from)).isGreaterThan(Keys.upperBound(to));
        PageRequest request = new PageRequest(20, SortOrder.DESC, from, to, null);
        assertThat(store.list(new Lookup.Latest(), request).items()).isEmpty();
        assertThat(store.list(new Lookup.Latest(), request).next()).isNull();
        assertThat(store.failures(request).items()).isEmpty();
    }

    @Test
    void aTokenForItIsStillRefused() {
        PageToken token = new PageToken(Map.of(Keys.PK, Keys.LATEST, Keys.SK, "2022-05-17T11:06:04.000Z#AAAAAAAAAAAAAAAAAAAAAA"));
        assertThatThrownBy(() -> store.list(new Lookup.Latest(), new PageRequest(20, SortOrder.DESC, from, to, token)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
