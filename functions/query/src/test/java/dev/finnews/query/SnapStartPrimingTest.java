package dev.finnews.query;

import dev.finnews.article.ArticleId;
import dev.finnews.store.aws.AwsSettings;
import dev.finnews.testing.AwsCallCounter;
import dev.finnews.testing.RecordingCracContext;

import org.crac.Core;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class SnapStartPrimingTest {
    // Nothing listens on port 9 (discard): every request fails, quickly.
    private static final Map<String, String> UNREACHABLE = Map.of("AWS_REGION", "us-east-1",
            "AWS_ENDPOINT_URL", "http://127.0.0.1:9", "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
            "CURSOR_SECRET", Fixtures.SECRET);

    private final AwsCallCounter calls = new AwsCallCounter();
    private final RecordingCracContext checkpoints = new RecordingCracContext();

    private QueryHandler handler() {
        return new QueryHandler(UNREACHABLE, AwsSettings.fromEnv(UNREACHABLE).withInterceptors(List.of(calls)), checkpoints);
    }

    @Test
    void theHandlerRegistersItsPrimingAndMakesNoRequestAtInit() {
        QueryHandler handler = handler();
        assertThat(checkpoints.resources()).containsExactly(handler.priming());
        assertThat(calls.total()).isZero();
    }

    @Test
    void beforeCheckpointMakesExactlyOneDynamoDbRequestAndSwallowsItsFailure() {
        handler();
        assertThatCode(() -> checkpoints.beforeCheckpoint(null)).doesNotThrowAnyException();
        assertThat(calls.calls()).containsExactly("DynamoDb.GetItem");
        assertThatCode(() -> checkpoints.afterRestore(null)).doesNotThrowAnyException();
        assertThat(calls.total()).isOne();
    }

    @Test
    void thePrimingRequestIsAnArticleLookupThatCanNeverHit() {
        FakeArticleQueries store = new FakeArticleQueries();
        HttpResponse response = new SnapStartPriming(new QueryApi(store, Fixtures.config(), new ErrorLog(line -> { }))).prime();
        assertThat(response.status()).isEqualTo(404);
        assertThat(store.calls).containsExactly("get");
        assertThat(ArticleId.isWellFormed(SnapStartPriming.ABSENT_ID)).isTrue();
        // A real id is 16 bytes in base64url: its last character carries 2 bits and 4 zero bits.
        assertThat("AQgw").doesNotContain(SnapStartPriming.ABSENT_ID.substring(ArticleId.LENGTH - 1));
        assertThat("AQgw").contains(ArticleId.of("any-bucket", "any/key.md").substring(ArticleId.LENGTH - 1));
    }

    @Test
    void theGlobalContextAcceptsTheRegistrationWithoutACracRuntime() {
        assertThatCode(() -> new QueryHandler(UNREACHABLE, AwsSettings.fromEnv(UNREACHABLE).withInterceptors(List.of(calls)),
                Core.getGlobalContext())).doesNotThrowAnyException();
        assertThat(calls.total()).isZero();
    }

}
