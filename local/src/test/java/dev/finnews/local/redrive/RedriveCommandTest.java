package dev.finnews.local.redrive;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedriveCommandTest {
    private static final String EVENT = "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\"}]}";

    @Test
    void theEventOfAnOnFailureRecordIsItsRequestPayload() {
        String record = "{\"version\":\"1.0\",\"requestContext\":{\"condition\":\"RetriesExhausted\"},"
                + "\"requestPayload\":" + EVENT + ",\"responsePayload\":{\"errorMessage\":\"x\"}}";

        assertThat(RedriveCommand.eventOf(record)).isEqualTo(EVENT);
    }

    @Test
    void aDeadLetterQueuesBareEventIsTakenAsIs() {
        assertThat(RedriveCommand.eventOf(EVENT)).isEqualTo(EVENT);
    }

    @Test
    void aMessageWithoutAnS3EventHasNone() {
        assertThat(RedriveCommand.eventOf("not json")).isNull();
        assertThat(RedriveCommand.eventOf("{\"requestPayload\":{\"detail\":1}}")).isNull();
        assertThat(RedriveCommand.eventOf("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\"}")).isNull();
    }
}
