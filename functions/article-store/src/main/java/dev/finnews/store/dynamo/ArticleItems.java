package dev.finnews.store.dynamo;

import dev.finnews.article.Article;
import dev.finnews.article.Evidence;
import dev.finnews.article.Image;
import dev.finnews.article.Market;
import dev.finnews.article.S3Location;
import dev.finnews.article.StockMention;
import dev.finnews.store.ArticleState;
import dev.finnews.store.ArticleSummary;
import dev.finnews.store.FailureRecord;
import dev.finnews.store.StoredArticle;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How articles, tombstones, failure markers, lookup entries and failure entries look as items. */
final class ArticleItems {
    static final String STATE = "state";
    static final String REVISION = "revision";
    static final String SEQUENCER = "sequencer";
    /** The sequencer of the stored article's own version; {@link #SEQUENCER} may be newer (a failed version's). */
    static final String ARTICLE_SEQUENCER = "articleSequencer";
    static final String EXPIRES_AT = "expiresAt";
    static final String FAILURE_SK = "failureSk";
    static final String FAILURE_ETAG = "failureETag";
    static final String FAILURE_PARSER = "failureParserVersion";
    static final String COUNT = "articles";
    static final String NAME = "name";

    private static final String ARTICLE = "ARTICLE";
    private static final String FAILED = "FAILED";
    private static final String DELETED = "DELETED";

    private ArticleItems() {
    }

    /** The lookup partitions an article is listed in, and their shared sort key. */
    static ArticleState.Footprint footprint(StoredArticle s, Instant uploadedAt) {
        Article a = s.article();
        Set<String> partitions = new LinkedHashSet<>();
        partitions.add(Keys.LATEST);
        for (String level : a.categories()) {
            if (!Keys.categoryKey(level).isEmpty()) {
                partitions.add(Keys.category(level));
            }
        }
        if (a.publishDate() != null) {
            partitions.add(Keys.date(a.publishDate()));
        }
        for (StockMention m : a.stocks()) {
            if (Keys.isNormativeSymbol(m.symbol())) {
                partitions.add(Keys.stock(m.symbol()));
            }
        }
        Instant sortTime = a.publishedAt() != null ? a.publishedAt() : uploadedAt;
        return new ArticleState.Footprint(Keys.timed(sortTime, a.id()), partitions);
    }

    /** Display names of the counted levels and stocks of an article, by count key. */
    static Map<Keys.CountKey, String> countNames(StoredArticle s) {
        Map<Keys.CountKey, String> names = new HashMap<>();
        for (String level : s.article().categories()) {
            names.putIfAbsent(Keys.countOf(Keys.category(level)), level);
        }
        for (StockMention m : s.article().stocks()) {
            if (m.name() != null) {
                names.putIfAbsent(Keys.countOf(Keys.stock(m.symbol())), m.name());
            }
        }
        return names;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(Keys.PK, Attr.s(pk), Keys.SK, Attr.s(sk));
    }

    static Map<String, AttributeValue> articleItem(StoredArticle s, long revision, ArticleState.Footprint footprint,
                                                  Instant uploadedAt) {
        Article a = s.article();
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.article(a.id()), Keys.ARTICLE_SK));
        item.put(STATE, Attr.s(ARTICLE));
        item.put(REVISION, Attr.n(revision));
        Attr.putIfPresent(item, SEQUENCER, s.sequencer());
        Attr.putIfPresent(item, ARTICLE_SEQUENCER, s.sequencer());
        Attr.putIfPresent(item, "eTag", s.eTag());
        Attr.putIfPresent(item, "parserVersion", s.parserVersion());
        item.put("textTruncated", Attr.bool(s.textTruncated()));
        item.put("storedAt", Attr.s(s.storedAt().toString()));
        item.put("uploadedAt", Attr.s(uploadedAt.toString()));
        item.put("bucket", Attr.s(s.source().bucket()));
        item.put("key", Attr.s(s.source().key()));
        item.put("lookupSk", Attr.s(footprint.sortKey()));
        item.put("lookupPks", Attr.strings(List.copyOf(footprint.partitions())));
        item.put("id", Attr.s(a.id()));
        item.put("title", Attr.s(a.title()));
        item.put("titleRaw", Attr.s(a.titleRaw()));
        item.put("categories", Attr.strings(a.categories()));
        Attr.putIfPresent(item, "author", a.author());
        Attr.putIfPresent(item, "origin", a.origin());
        Attr.putIfPresent(item, "editor", a.editor());
        Attr.putIfPresent(item, "publishedAt", a.publishedAt() == null ? null : a.publishedAt().toString());
        Attr.putIfPresent(item, "publishDate", a.publishDate() == null ? null : a.publishDate().toString());
        item.put("text", Attr.s(a.text()));
        item.put("summary", Attr.s(a.summary()));
        item.put("images", Attr.list(a.images(), ArticleItems::image));
        Attr.putIfPresent(item, "leadImage", a.leadImage());
        item.put("stocks", Attr.list(a.stocks(), ArticleItems::stock));
        item.put("keywords", Attr.strings(a.keywords()));
        item.put("warnings", Attr.strings(a.warnings()));
        return item;
    }

    static Map<String, AttributeValue> tombstone(String id, S3Location source, long revision, String sequencer,
                                                Instant deletedAt, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.article(id), Keys.ARTICLE_SK));
        item.put(STATE, Attr.s(DELETED));
        item.put(REVISION, Attr.n(revision));
        Attr.putIfPresent(item, SEQUENCER, sequencer);
        item.put("id", Attr.s(id));
        item.put("bucket", Attr.s(source.bucket()));
        item.put("key", Attr.s(source.key()));
        item.put("deletedAt", Attr.s(deletedAt.toString()));
        item.put(EXPIRES_AT, Attr.n(expiresAt.getEpochSecond()));
        return item;
    }

    /** Stands in for an article whose object never parsed; expires with its failure entry. */
    static Map<String, AttributeValue> failureMarker(String id, FailureRecord f, long revision, ArticleState.FailureMark mark,
                                                    Instant expiresAt) {
        return failureMarker(id, new S3Location(f.bucket(), f.key()), f.sequencer(), revision, mark, expiresAt);
    }

    static Map<String, AttributeValue> failureMarker(String id, S3Location source, String sequencer, long revision,
                                                    ArticleState.FailureMark mark, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.article(id), Keys.ARTICLE_SK));
        item.put(STATE, Attr.s(FAILED));
        item.put(REVISION, Attr.n(revision));
        Attr.putIfPresent(item, SEQUENCER, sequencer);
        item.put("id", Attr.s(id));
        item.put("bucket", Attr.s(source.bucket()));
        item.put("key", Attr.s(source.key()));
        putFailureMark(item, mark);
        item.put(EXPIRES_AT, Attr.n(expiresAt.getEpochSecond()));
        return item;
    }

    static void putFailureMark(Map<String, AttributeValue> item, ArticleState.FailureMark mark) {
        item.put(FAILURE_SK, Attr.s(mark.entrySortKey()));
        Attr.putIfPresent(item, FAILURE_ETAG, mark.eTag());
        Attr.putIfPresent(item, FAILURE_PARSER, mark.parserVersion());
    }

    static Map<String, AttributeValue> failureEntry(String id, String sortKey, FailureRecord f, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.FAILURES, sortKey));
        item.put("id", Attr.s(id));
        item.put("bucket", Attr.s(f.bucket()));
        item.put("key", Attr.s(f.key()));
        item.put("reason", Attr.s(f.reason()));
        item.put("message", Attr.s(Fit.message(f.message() == null ? "" : f.message())));
        item.put("at", Attr.s(f.at().toString()));
        Attr.putIfPresent(item, SEQUENCER, f.sequencer());
        item.put(EXPIRES_AT, Attr.n(expiresAt.getEpochSecond()));
        return item;
    }

    /** A lookup entry: what a list shows, so a page needs no second read. */
    static Map<String, AttributeValue> entry(String pk, String sk, StoredArticle s) {
        Article a = s.article();
        Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
        item.put("id", Attr.s(a.id()));
        item.put("title", Attr.s(a.title()));
        Attr.putIfPresent(item, "publishedAt", a.publishedAt() == null ? null : a.publishedAt().toString());
        Attr.putIfPresent(item, "publishDate", a.publishDate() == null ? null : a.publishDate().toString());
        item.put("categories", Attr.strings(a.categories()));
        item.put("stocks", Attr.list(a.stocks(), m -> {
            Map<String, AttributeValue> ref = new HashMap<>();
            ref.put("symbol", Attr.s(m.symbol()));
            Attr.putIfPresent(ref, "name", m.name());
            return ref;
        }));
        item.put("summary", Attr.s(a.summary()));
        Attr.putIfPresent(item, "leadImage", a.leadImage());
        item.put("bucket", Attr.s(s.source().bucket()));
        item.put("key", Attr.s(s.source().key()));
        return item;
    }

    static ArticleState state(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return new ArticleState.Absent();
        }
        long revision = Attr.num(item, REVISION);
        String sequencer = Attr.str(item, SEQUENCER);
        String state = Attr.str(item, STATE);
        if (DELETED.equals(state)) {
            return new ArticleState.Deleted(revision, sequencer, instant(Attr.str(item, "deletedAt")),
                    Instant.ofEpochSecond(Attr.num(item, EXPIRES_AT)));
        }
        ArticleState.FailureMark mark = failureMark(item);
        if (FAILED.equals(state)) {
            return new ArticleState.Failed(revision, sequencer, mark);
        }
        ArticleState.Footprint footprint = new ArticleState.Footprint(Attr.str(item, "lookupSk"),
                new LinkedHashSet<>(Attr.strList(item, "lookupPks")));
        return new ArticleState.Live(revision, sequencer, article(item), mark, footprint);
    }

    static boolean isArticle(Map<String, AttributeValue> item) {
        return item != null && ARTICLE.equals(Attr.str(item, STATE));
    }

    static StoredArticle article(Map<String, AttributeValue> item) {
        Article a = new Article(Attr.str(item, "id"), Attr.str(item, "title"), Attr.str(item, "titleRaw"),
                Attr.strList(item, "categories"), Attr.str(item, "author"), Attr.str(item, "origin"),
                Attr.str(item, "editor"), instant(Attr.str(item, "publishedAt")), date(Attr.str(item, "publishDate")),
                Attr.str(item, "text"), Attr.str(item, "summary"),
                Attr.mapList(item, "images").stream().map(m -> new Image(Attr.str(m, "url"), Attr.str(m, "caption"))).toList(),
                Attr.str(item, "leadImage"),
                Attr.mapList(item, "stocks").stream().map(ArticleItems::stock).toList(),
                Attr.strList(item, "keywords"), Attr.strList(item, "warnings"));
        // items written before articleSequencer existed: the item's sequencer (newer only if a failure marked it)
        String version = Attr.str(item, ARTICLE_SEQUENCER) != null ? Attr.str(item, ARTICLE_SEQUENCER) : Attr.str(item, SEQUENCER);
        return new StoredArticle(a, new S3Location(Attr.str(item, "bucket"), Attr.str(item, "key")),
                Attr.flag(item, "textTruncated"), Attr.str(item, "parserVersion"), Attr.str(item, "eTag"),
                version, instant(Attr.str(item, "storedAt")));
    }

    static ArticleSummary summary(Map<String, AttributeValue> item) {
        return new ArticleSummary(Attr.str(item, "id"), Attr.str(item, "title"), instant(Attr.str(item, "publishedAt")),
                date(Attr.str(item, "publishDate")), Attr.strList(item, "categories"),
                Attr.mapList(item, "stocks").stream()
                        .map(m -> new ArticleSummary.StockRef(Attr.str(m, "symbol"), Attr.str(m, "name"))).toList(),
                Attr.str(item, "summary"), Attr.str(item, "leadImage"),
                new S3Location(Attr.str(item, "bucket"), Attr.str(item, "key")));
    }

    static FailureRecord failure(Map<String, AttributeValue> item) {
        return new FailureRecord(Attr.str(item, "bucket"), Attr.str(item, "key"), Attr.str(item, "reason"),
                Attr.str(item, "message"), instant(Attr.str(item, "at")), Attr.str(item, SEQUENCER));
    }

    private static ArticleState.FailureMark failureMark(Map<String, AttributeValue> item) {
        String sk = Attr.str(item, FAILURE_SK);
        return sk == null ? null : new ArticleState.FailureMark(sk, Attr.str(item, FAILURE_ETAG), Attr.str(item, FAILURE_PARSER));
    }

    private static Map<String, AttributeValue> image(Image image) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("url", Attr.s(image.url()));
        Attr.putIfPresent(m, "caption", image.caption());
        return m;
    }

    private static Map<String, AttributeValue> stock(StockMention s) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("symbol", Attr.s(s.symbol()));
        m.put("code", Attr.s(s.code()));
        m.put("market", Attr.s(s.market().name()));
        Attr.putIfPresent(m, "name", s.name());
        m.put("evidence", Attr.strings(s.evidence().stream().map(Evidence::name).toList()));
        return m;
    }

    private static StockMention stock(Map<String, AttributeValue> m) {
        return new StockMention(Attr.str(m, "symbol"), Attr.str(m, "code"), Market.valueOf(Attr.str(m, "market")),
                Attr.str(m, "name"), Attr.strList(m, "evidence").stream().map(Evidence::valueOf).toList());
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }
}
