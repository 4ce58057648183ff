package dev.finnews.ingest;

import dev.finnews.article.Article;
import dev.finnews.article.ArticleId;
import dev.finnews.article.Limits;
import dev.finnews.article.S3Location;
import dev.finnews.json.JsonTree;
import dev.finnews.parser.ErrorCode;
import dev.finnews.parser.ParseException;
import dev.finnews.store.ArticleState;
import dev.finnews.store.ArticleWrites;
import dev.finnews.store.FailureRecord;
import dev.finnews.store.StoredArticle;
import dev.finnews.testing.AwsCallCounter;
import dev.finnews.testing.RecordingCracContext;

import org.crac.Core;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class SnapStartPrimingTest {
    // Nothing listens on port 9 (discard): a request would fail; these tests check that none is made.
    private static final Map<String, String> UNREACHABLE = Map.of("AWS_REGION", "us-east-1",
            "AWS_ENDPOINT_URL", "http://127.0.0.1:9", "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test");
    private static final IngestLimits LIMITS = new IngestLimits("t", 1000, 1000, Duration.ofDays(30), Duration.ofDays(7));

    private final Fakes.Store store = new Fakes.Store();
    private final Fakes.Objects objects = new Fakes.Objects();
    private final Fakes.Parser parser = new Fakes.Parser();
    private final RecordingCracContext checkpoints = new RecordingCracContext();

    @Test
    void theHandlerRegistersItsPrimingAndDoesNothingAtInit() {
        IngestHandler handler = new IngestHandler(service(store, objects, parser), line -> { }, checkpoints);

        assertThat(checkpoints.resources()).containsExactly(handler.priming());
        assertThat(store.reads).isZero();
        assertThat(objects.fetches + objects.heads).isZero();
        assertThat(parser.parses).isZero();
    }

    @Test
    void beforeCheckpointReadsAnAbsentArticleFetchesAnAbsentObjectAndParsesTheSampleWritingNothing() throws Exception {
        new IngestHandler(service(store, objects, parser), line -> { }, checkpoints);

        checkpoints.beforeCheckpoint(null);

        assertThat(store.reads).isOne();
        assertThat(store.states).isEmpty();
        assertThat(store.writes).isEmpty();
        assertThat(objects.fetches).isOne();
        assertThat(parser.parses).isOne();
        assertThatCode(() -> checkpoints.afterRestore(null)).doesNotThrowAnyException();
        assertThat(store.reads).as("restoring sends nothing").isOne();
    }

    @Test
    void theSampleIsOfferedToTheStoreOnlyUnderARevisionNoItemHas() {
        List<ArticleState> expectations = new java.util.ArrayList<>();
        List<StoredArticle> offered = new java.util.ArrayList<>();
        Fakes.Store refusing = new Fakes.Store() {
            @Override
            public void store(ArticleState expected, StoredArticle article, Instant uploadedAt) {
                expectations.add(expected);
                offered.add(article);
                super.store(expected, article, uploadedAt);
            }
        };
        SnapStartPriming priming = service(refusing, objects, Extractor.parser(Limits.DEFAULT_MAX_BYTES)).priming();

        assertThat(priming.prime()).as("the refusal is the expected answer").isEmpty();
        assertThat(expectations).extracting(ArticleState::revision).containsExactly(-1L);
        assertThat(offered).extracting(a -> a.article().title()).containsExactly("预热样例");
        assertThat(refusing.writes).isEmpty();
    }

    @Test
    void aStoreThatAcceptedThePrimingWriteIsReported() {
        Fakes.Store accepting = new Fakes.Store() {
            @Override
            public void store(ArticleState expected, StoredArticle article, Instant uploadedAt) {
                writes.add("store");
            }
        };
        SnapStartPriming priming = service(accepting, objects, Extractor.parser(Limits.DEFAULT_MAX_BYTES)).priming();

        assertThat(priming.prime()).singleElement().asString().contains("the priming transaction was applied");
    }

    @Test
    void thePrimingEventIsTheNotificationS3WouldSendForTheAbsentObject() throws Exception {
        assertThat(EventRecords.decode(JsonTree.read(new ByteArrayInputStream(SnapStartPriming.EVENT)))).containsExactly(
                new EventRecords.Decoded.Change(new ObjectChange.Created(SnapStartPriming.ABSENT_OBJECT, "priming", 1L, "00")));
    }

    @Test
    void everyStepRunsAndNoFailureEscapes() {
        ArticleWrites down = new Unavailable();
        ObjectSource s3Down = new Fakes.Objects() {
            @Override
            public Fetch fetch(S3Location source, String ifMatch, long maxBytes) {
                fetches++;
                throw new IllegalStateException("S3 unreachable");
            }
        };
        Extractor broken = new Extractor() {
            @Override
            public Article extract(byte[] content, String bucket, String key) throws ParseException {
                throw new ParseException(ErrorCode.BAD_FRONT_MATTER, "a parser that rejects everything");
            }

            @Override
            public String version() {
                return "x";
            }
        };
        SnapStartPriming priming = service(down, s3Down, broken).priming();

        assertThat(priming.prime()).hasSize(3);
        assertThat(((Fakes.Objects) s3Down).fetches).as("S3 was still asked after DynamoDB failed").isOne();
        assertThatCode(() -> priming.beforeCheckpoint(null)).doesNotThrowAnyException();
    }

    @Test
    void theSampleIsAnArticleForTheRealParser() throws ParseException {
        Article sample = Extractor.parser(Limits.DEFAULT_MAX_BYTES).extract(SnapStartPriming.SAMPLE,
                SnapStartPriming.ABSENT_OBJECT.bucket(), SnapStartPriming.ABSENT_OBJECT.key());

        assertThat(sample.title()).isEqualTo("预热样例");
        assertThat(sample.publishedAt()).isEqualTo(Instant.parse("2023-01-02T03:04:05Z"));
        assertThat(sample.stocks()).extracting(s -> s.symbol()).containsExactly("sh600000");
        assertThat(sample.warnings()).isEmpty();
    }

    @Test
    void thePrimingIdIsWellFormedButNeverARealId() {
        assertThat(ArticleId.isWellFormed(SnapStartPriming.ABSENT_ID)).isTrue();
        // A real id is 16 bytes in base64url: its last character carries 2 bits and 4 zero bits.
        assertThat("AQgw").doesNotContain(SnapStartPriming.ABSENT_ID.substring(ArticleId.LENGTH - 1));
        assertThat("AQgw").contains(ArticleId.of("any-bucket", "any/key.md").substring(ArticleId.LENGTH - 1));
    }

    @Test
    void theRealHandlerRegistersWithTheGlobalContextWithoutACracRuntimeAndSendsNothing() {
        AwsCallCounter calls = new AwsCallCounter();
        assertThatCode(() -> new IngestHandler(UNREACHABLE, List.of(calls))).doesNotThrowAnyException();
        assertThatCode(() -> new IngestHandler(IngestServices.fromEnv(UNREACHABLE, List.of(calls)), line -> { },
                Core.getGlobalContext())).doesNotThrowAnyException();
        assertThat(calls.total()).isZero();
    }

    private static IngestService service(ArticleWrites store, ObjectSource objects, Extractor parser) {
        return new IngestService(store, objects, parser, LIMITS, Clock.systemUTC());
    }

    /** A table that cannot be reached. */
    private static final class Unavailable implements ArticleWrites {
        @Override
        public ArticleState current(String id) {
            throw new IllegalStateException("DynamoDB unreachable");
        }

        @Override
        public void store(ArticleState expected, StoredArticle article, Instant uploadedAt) {
            throw new IllegalStateException("DynamoDB unreachable");
        }

        @Override
        public void delete(ArticleState expected, S3Location source, String sequencer) {
            throw new AssertionError("priming never writes");
        }

        @Override
        public void recordFailure(ArticleState expected, FailureRecord failure, String eTag, String parserVersion) {
            throw new AssertionError("priming never writes");
        }

        @Override
        public void deleteMarkedArticle(ArticleState.Live expected) {
            throw new AssertionError("priming never writes");
        }

        @Override
        public void advanceSequencer(String id, ArticleState expected, String sequencer) {
            throw new AssertionError("priming never writes");
        }
    }

}
