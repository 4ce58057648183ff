package dev.finnews.ingest;

import dev.finnews.article.S3Location;
import dev.finnews.store.ArticleState;
import dev.finnews.store.ConcurrentChangeException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestServiceTest {
    private static final S3Location KEY = new S3Location("bucket", "金融/a b+c.md");
    private static final String ID = KEY.articleId();

    private final Fakes.Store store = new Fakes.Store();
    private final Fakes.Objects objects = new Fakes.Objects();
    private final Fakes.Parser parser = new Fakes.Parser();
    private final IngestService service = new IngestService(store, objects, parser,
            new IngestLimits("t", 1000, 12, Duration.ofDays(30), Duration.ofDays(7)),
            Clock.fixed(Instant.parse("2024-03-02T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void aNewObjectIsReadOnceAndStoredOnce() {
        objects.put(KEY, "正文", "e1");

        assertThat(service.ingest(created("e1", "0A"))).isEqualTo(new Outcome.Stored(ID));

        assertThat(store.reads).isEqualTo(1);
        assertThat(objects.fetches).isEqualTo(1);
        assertThat(store.writes).containsExactly("store");
        ArticleState.Live live = (ArticleState.Live) store.state(KEY);
        assertThat(live.article().eTag()).isEqualTo("e1");
        assertThat(live.sequencer()).isEqualTo("0A");
        assertThat(live.article().parserVersion()).isEqualTo("1");
        assertThat(live.footprint().sortKey()).as("upload time").isEqualTo("2024-03-01T00:00:00Z");
    }

    @Test
    void aDuplicateDeliveryReadsOnceAndWritesNothing() {
        objects.put(KEY, "正文", "e1");
        service.ingest(created("e1", "0A"));
        reset();

        assertThat(service.ingest(created("e1", "0A"))).isEqualTo(new Outcome.Unchanged(ID, "duplicate delivery"));
        assertThat(store.reads).isEqualTo(1);
        assertThat(objects.fetches).isZero();
        assertThat(store.writes).isEmpty();
    }

    @Test
    void theSameVersionWithANewerSequencerOnlyAdvancesTheSequencer() {
        objects.put(KEY, "正文", "e1");
        service.ingest(created("e1", "0A"));
        reset();

        assertThat(service.ingest(created("e1", "0B"))).isEqualTo(new Outcome.Unchanged(ID, "same version"));
        assertThat(objects.fetches).isZero();
        assertThat(store.writes).containsExactly("sequencer");
        assertThat(store.state(KEY).sequencer()).isEqualTo("0B");
    }

    @Test
    void anOlderEventAfterANewerOneIsStale() {
        objects.put(KEY, "新版本", "e2");
        service.ingest(created("e2", "0B"));
        reset();

        assertThat(service.ingest(created("e1", "0A"))).isEqualTo(new Outcome.Stale(ID, "older sequencer"));
        assertThat(objects.fetches).isZero();
        assertThat(store.writes).isEmpty();
    }

    @Test
    void aNewerParserReExtractsAnUnchangedObject() {
        objects.put(KEY, "正文", "e1");
        service.ingest(created("e1", null));
        parser.version = "2";

        assertThat(service.ingest(created("e1", null))).isEqualTo(new Outcome.Stored(ID));
        assertThat(((ArticleState.Live) store.state(KEY)).article().parserVersion()).isEqualTo("2");
    }

    @Test
    void forceReExtractsEvenTheSameVersion() {
        objects.put(KEY, "正文", "e1");
        service.ingest(created("e1", null));

        assertThat(service.ingest(created("e1", null), IngestService.Mode.FORCE)).isEqualTo(new Outcome.Stored(ID));
        assertThat(parser.parses).isEqualTo(2);
    }

    @Test
    void aDeleteBeforeItsCreateLeavesATombstoneTheCreateCannotBeat() {
        assertThat(service.ingest(new ObjectChange.Removed(KEY, "0B"))).isEqualTo(new Outcome.Deleted(ID));
        assertThat(service.ingest(created("e1", "0A"))).isEqualTo(new Outcome.Stale(ID, "older sequencer"));
        assertThat(store.state(KEY)).isInstanceOf(ArticleState.Deleted.class);
        assertThat(store.state(KEY).sequencer()).isEqualTo("0B");
    }

    @Test
    void putDeletePutArrivingAsPutPutDeleteEndsWithTheLastPut() {
        objects.put(KEY, "第二版", "e2"); // S3 holds the second PUT
        assertThat(service.ingest(created("e1", "0A"))).isEqualTo(new Outcome.Stale(ID, "object replaced"));
        assertThat(service.ingest(created("e2", "0C"))).isEqualTo(new Outcome.Stored(ID));
        assertThat(service.ingest(new ObjectChange.Removed(KEY, "0B"))).isEqualTo(new Outcome.Stale(ID, "older sequencer"));
        assertThat(((ArticleState.Live) store.state(KEY)).article().article().text()).isEqualTo("第二版");
    }

    @Test
    void withoutSequencersS3Decides() {
        objects.put(KEY, "第二版", "e2");
        assertThat(service.ingest(created("e1", null))).isEqualTo(new Outcome.Stale(ID, "object replaced"));
        assertThat(service.ingest(created("e2", null))).isEqualTo(new Outcome.Stored(ID));
        assertThat(service.ingest(new ObjectChange.Removed(KEY, null))).isEqualTo(new Outcome.Stale(ID, "object exists"));

        objects.objects.clear();
        assertThat(service.ingest(created("e2", null))).isEqualTo(new Outcome.Unchanged(ID, "same version"));
        assertThat(service.ingest(new ObjectChange.Removed(KEY, null))).isEqualTo(new Outcome.Deleted(ID));
        assertThat(service.ingest(new ObjectChange.Removed(KEY, null))).isEqualTo(new Outcome.Unchanged(ID, "already deleted"));
        assertThat(service.ingest(created("e2", null))).isEqualTo(new Outcome.Stale(ID, "object gone"));
    }

    @Test
    void anUnchangedDeliveryWithoutSequencerNeedsNoS3ReadEither() {
        objects.put(KEY, "正文", "e1");
        service.ingest(created("e1", null));
        reset();

        assertThat(service.ingest(created("e1", null))).isEqualTo(new Outcome.Unchanged(ID, "same version"));
        assertThat(store.reads + objects.fetches + objects.heads).isEqualTo(1);
    }

    @Test
    void anObjectTooLargeByItsEventIsNeverRead() {
        assertThat(service.ingest(new ObjectChange.Created(KEY, "e1", 5000L, "0A")))
                .isEqualTo(new Outcome.Failed(ID, "TOO_LARGE", "the object has at least 5000 bytes; the limit is 1000"));
        assertThat(objects.fetches).isZero();
        assertThat(store.state(KEY)).isInstanceOf(ArticleState.Failed.class);
    }

    @Test
    void anObjectTooLargeByItsHeadersIsNotDownloaded() {
        objects.put(KEY, "x".repeat(2000), "e1");
        assertThat(service.ingest(new ObjectChange.Created(KEY, "e1", null, null))).isInstanceOf(Outcome.Failed.class);
        assertThat(store.failures).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("TOO_LARGE"));
    }

    @Test
    void aBrokenFileIsRecordedOnceAndALaterSuccessClearsIt() {
        objects.put(KEY, "BROKEN", "bad");
        assertThat(service.ingest(created("bad", "0A"))).isEqualTo(new Outcome.Failed(ID, "NO_FRONT_MATTER", "no front matter"));
        assertThat(service.ingest(created("bad", null))).isEqualTo(new Outcome.Unchanged(ID, "same version"));
        assertThat(parser.parses).isEqualTo(1);

        objects.put(KEY, "修好了", "good");
        assertThat(service.ingest(created("good", "0B"))).isEqualTo(new Outcome.Stored(ID));
        assertThat(((ArticleState.Live) store.state(KEY)).failure()).isNull();
    }

    @Test
    void aBrokenNewVersionKeepsTheGoodArticleUntilTheGoodOneReturns() {
        objects.put(KEY, "好的", "good");
        service.ingest(created("good", "0A"));
        objects.put(KEY, "BROKEN", "bad");
        assertThat(service.ingest(created("bad", "0B"))).isInstanceOf(Outcome.Failed.class);
        ArticleState.Live marked = (ArticleState.Live) store.state(KEY);
        assertThat(marked.article().eTag()).isEqualTo("good");
        assertThat(marked.failure().eTag()).isEqualTo("bad");

        // the good content uploaded again has the good eTag, yet it must clear the failure
        objects.put(KEY, "好的", "good");
        assertThat(service.ingest(created("good", "0C"))).isEqualTo(new Outcome.Stored(ID));
        assertThat(((ArticleState.Live) store.state(KEY)).failure()).isNull();
    }

    @Test
    void aDeleteArrivingAfterTheNewerFailureStillRemovesTheDeletedArticle() {
        objects.put(KEY, "好的", "good");
        service.ingest(created("good", "0A"));
        objects.objects.clear();                    // deleted at 0B,
        objects.put(KEY, "BROKEN", "bad");          // then a broken version at 0C, whose event comes first
        assertThat(service.ingest(created("bad", "0C"))).isInstanceOf(Outcome.Failed.class);

        assertThat(service.ingest(new ObjectChange.Removed(KEY, "0B"))).isEqualTo(new Outcome.Deleted(ID));

        ArticleState.Failed failed = (ArticleState.Failed) store.state(KEY);
        assertThat(failed.sequencer()).isEqualTo("0C");
        assertThat(failed.failure().eTag()).isEqualTo("bad");
        assertThat(service.ingest(new ObjectChange.Removed(KEY, "0B"))).isEqualTo(new Outcome.Stale(ID, "older sequencer"));
    }

    @Test
    void aDeleteOlderThanTheMarkedArticlesOwnVersionIsStale() {
        objects.put(KEY, "好的", "good");
        service.ingest(created("good", "0B"));
        objects.put(KEY, "BROKEN", "bad");
        service.ingest(created("bad", "0C"));

        assertThat(service.ingest(new ObjectChange.Removed(KEY, "0A"))).isEqualTo(new Outcome.Stale(ID, "older sequencer"));
        assertThat(((ArticleState.Live) store.state(KEY)).article().eTag()).isEqualTo("good");
    }

    @Test
    void theSameBrokenFileUploadedAgainOnlyMovesTheSequencer() {
        objects.put(KEY, "BROKEN", "bad");
        service.ingest(created("bad", "0A"));
        reset();

        assertThat(service.ingest(created("bad", "0B"))).isEqualTo(new Outcome.Unchanged(ID, "same version"));

        assertThat(store.writes).containsExactly("sequencer");
        assertThat(parser.parses).isEqualTo(1);
        assertThat(store.state(KEY)).isInstanceOf(ArticleState.Failed.class);
        assertThat(store.state(KEY).sequencer()).isEqualTo("0B");
    }

    @Test
    void textIsCutAtACodePointBoundaryAndFlagged() {
        objects.put(KEY, "一二三四五", "e1"); // 15 bytes; the limit is 12
        service.ingest(created("e1", "0A"));
        ArticleState.Live live = (ArticleState.Live) store.state(KEY);
        assertThat(live.article().article().text()).isEqualTo("一二三四");
        assertThat(live.article().textTruncated()).isTrue();
    }

    @Test
    void aLostRaceIsReadAndDecidedAgain() {
        objects.put(KEY, "正文", "e1");
        store.conflictsAhead = 2;
        assertThat(service.ingest(created("e1", "0A"))).isEqualTo(new Outcome.Stored(ID));
        assertThat(store.reads).isEqualTo(3);
    }

    @Test
    void racesLostTooOftenSurfaceAsTransient() {
        objects.put(KEY, "正文", "e1");
        store.conflictsAhead = IngestService.MAX_ATTEMPTS;
        assertThatThrownBy(() -> service.ingest(created("e1", "0A"))).isInstanceOf(ConcurrentChangeException.class);
        assertThat(store.states).isEmpty();
    }

    private static ObjectChange.Created created(String eTag, String sequencer) {
        return new ObjectChange.Created(KEY, eTag, null, sequencer);
    }

    private void reset() {
        store.reads = 0;
        store.writes.clear();
        objects.fetches = 0;
        objects.heads = 0;
    }
}
