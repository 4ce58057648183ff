package dev.finnews.ingest;

import dev.finnews.article.Article;
import dev.finnews.article.S3Location;
import dev.finnews.json.JsonTree;
import dev.finnews.store.ArticleState;
import dev.finnews.store.ArticleWrites;
import dev.finnews.store.ConcurrentChangeException;
import dev.finnews.store.StoredArticle;
import org.crac.Context;
import org.crac.Resource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Warms the ingest path just before Lambda takes a SnapStart snapshot, so restored instances start with
 * the event reader, the DynamoDB and S3 clients (signers, marshallers, HTTP and error handling), the
 * parser (jsoup, YAML, dates, time zones), the store's transaction and the log writer loaded and
 * initialised. It changes nothing: a read of an S3 event for that object, a strongly consistent GetItem
 * of an id no object can have, a GetObject of an object in a bucket no one holds (answered 404 or 403),
 * a parse of a tiny built-in sample, and the sample's store transaction conditioned on a revision no
 * item can have, which DynamoDB cancels as a whole (like any transaction it can make a concurrent ingest
 * of the same categories lose a race and retry). Each step stands alone and its failure is
 * swallowed: priming only saves time later, and a snapshot must never fail because of it. Without
 * SnapStart no checkpoint happens and nothing here runs, so init makes no request.
 */
final class SnapStartPriming implements Resource {
    /**
     * Well-formed for the store, yet never a real id: the last of an id's 22 characters encodes only the
     * final 2 bits of its 16 bytes, so it is always one of {@code A Q g w}.
     */
    static final String ABSENT_ID = "SnapStartPrimingNoSuch";
    /** The function knows its table but not its bucket; a bucket name with a random part is nobody's. */
    static final S3Location ABSENT_OBJECT = new S3Location("finnews-priming-" + UUID.randomUUID(),
            "snapstart/priming.md");
    /** An invented article in the upload format: front matter, a Sina paragraph, a stock link, the keyword comment. */
    static final byte[] SAMPLE = ("\n---\n"
            + "title: '预热样例'\n"
            + "categories: \n - 金融\n - 新浪财经\n - 新浪财经－国內\n"
            + "headimg: 'https://example.com/priming.jpg'\n"
            + "author: 新浪财经\n"
            + "comments: false\n"
            + "date: Mon, 02 Jan 2023 03:04:05 GMT\n"
            + "thumbnail: 'https://example.com/priming.jpg'\n"
            + "---\n\n<div>   \n"
            + "<p cms-style=\"font-L\">\u3000\u3000样例正文，<span id=\"stock_sh600000\"><a href=\"https://finance.sina.com.cn/"
            + "realstock/company/sh600000/nc.shtml\" class=\"keyword\">样例公司</a></span><span id=\"quote_sh600000\"></span>"
            + "仅用于预热。</p>\n"
            + "<!-- news_keyword_pub,stock,sh600000 -->\n"
            + "<p class=\"article-editor\">责任编辑：样例 </p>\n"
            + "</div>            ").getBytes(StandardCharsets.UTF_8);

    /** Revisions start at 1 (0 means absent), so a write expecting -1 is refused whatever the table holds. */
    private static final ArticleState IMPOSSIBLE = new ArticleState.Deleted(-1, null, Instant.EPOCH, Instant.EPOCH);

    /** The notification S3 would send for {@link #ABSENT_OBJECT}. */
    static final byte[] EVENT = ("{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\","
            + "\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"" + ABSENT_OBJECT.bucket() + "\"},"
            + "\"object\":{\"key\":\"snapstart/priming.md\",\"size\":1,\"eTag\":\"priming\",\"sequencer\":\"00\"}}}]}")
            .getBytes(StandardCharsets.UTF_8);

    private final ArticleWrites store;
    private final ObjectSource objects;
    private final Extractor extractor;
    /** Writes into nothing: the JSON classes get loaded, the function's log stays clean. */
    private final RecordLog log = new RecordLog(line -> { });

    SnapStartPriming(ArticleWrites store, ObjectSource objects, Extractor extractor) {
        this.store = store;
        this.objects = objects;
        this.extractor = extractor;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: the SDK resolves credentials and opens connections again when it needs them.
    }

    /** Runs every step, each whatever the others did; returns what the steps threw (for tests). */
    List<Exception> prime() {
        List<Callable<?>> steps = List.of(
                () -> EventRecords.decode(JsonTree.read(new ByteArrayInputStream(EVENT))),
                () -> store.current(ABSENT_ID),
                () -> objects.fetch(ABSENT_OBJECT, "priming", 1),
                this::parseAndOfferTheSample,
                () -> {
                    log.record(ABSENT_OBJECT.bucket(), ABSENT_OBJECT.key(), ABSENT_ID, "primed", null, null, 0, null);
                    return null;
                });
        List<Exception> swallowed = new ArrayList<>();
        for (Callable<?> step : steps) {
            try {
                step.call();
            } catch (Exception e) {
                swallowed.add(e);
            }
        }
        return swallowed;
    }

    private Void parseAndOfferTheSample() throws Exception {
        Article sample = extractor.extract(SAMPLE, ABSENT_OBJECT.bucket(), ABSENT_OBJECT.key());
        StoredArticle stored = new StoredArticle(sample, ABSENT_OBJECT, false, extractor.version(), "priming", null, Instant.EPOCH);
        try {
            store.store(IMPOSSIBLE, stored, Instant.EPOCH);
        } catch (ConcurrentChangeException expected) {
            return null;
        }
        throw new IllegalStateException("the priming transaction was applied");
    }
}
