package dev.finnews.store.dynamo;

import dev.finnews.article.ArticleId;
import dev.finnews.article.S3Location;
import dev.finnews.store.ArticleQueries;
import dev.finnews.store.ArticleState;
import dev.finnews.store.ArticleSummary;
import dev.finnews.store.ArticleWrites;
import dev.finnews.store.CategoryCount;
import dev.finnews.store.ConcurrentChangeException;
import dev.finnews.store.FailureRecord;
import dev.finnews.store.Lookup;
import dev.finnews.store.Page;
import dev.finnews.store.PageRequest;
import dev.finnews.store.PageToken;
import dev.finnews.store.SortOrder;
import dev.finnews.store.StockCount;
import dev.finnews.store.StoredArticle;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The article table in DynamoDB (design: docs/architecture.md). Reads cost one request each: a
 * GetItem per article, one Query per page. Writes read the article item once (strongly consistent)
 * and then change everything that belongs to the article in one conditional transaction.
 */
public final class DynamoArticleStore implements ArticleQueries, ArticleWrites {
    private static final String KEY_CONDITION = "#pk = :pk";
    private static final int MAX_COUNT_KEY_BYTES = 1024;

    private final DynamoDbClient ddb;
    private final String table;
    private final Retention retention;
    private final Clock clock;

    /** A store for reading, or writing with the default retention. */
    public DynamoArticleStore(DynamoDbClient ddb, String table) {
        this(ddb, table, Retention.DEFAULT, Clock.systemUTC());
    }

    public DynamoArticleStore(DynamoDbClient ddb, String table, Retention retention, Clock clock) {
        this.ddb = Objects.requireNonNull(ddb, "ddb");
        this.table = Objects.requireNonNull(table, "table");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---------------------------------------------------------------- read side

    @Override
    public Optional<StoredArticle> get(String id) {
        if (!ArticleId.isWellFormed(id)) {
            return Optional.empty(); // no id of that shape is ever stored
        }
        Map<String, AttributeValue> item = ddb.getItem(r -> r.tableName(table)
                .key(ArticleItems.key(Keys.article(id), Keys.ARTICLE_SK))).item();
        return ArticleItems.isArticle(item) ? Optional.of(ArticleItems.article(item)) : Optional.empty();
    }

    @Override
    public Page<ArticleSummary> list(Lookup lookup, PageRequest request) {
        Objects.requireNonNull(lookup, "lookup");
        String lo = request.from() == null ? null : Keys.lowerBound(request.from());
        String hi = request.to() == null ? null : Keys.upperBound(request.to());
        return page(Keys.lookupPartition(lookup), lo, hi, request, false, Keys.TIMED_SORT_KEY.asMatchPredicate(),
                ArticleItems::summary);
    }

    @Override
    public Page<CategoryCount> categories(PageRequest request) {
        return page(Keys.CATEGORY_COUNTS, null, null, request, true, DynamoArticleStore::isCountKey,
                item -> new CategoryCount(Attr.str(item, ArticleItems.NAME), Attr.str(item, Keys.SK),
                        Attr.num(item, ArticleItems.COUNT)));
    }

    @Override
    public Page<StockCount> stocks(PageRequest request) {
        return page(Keys.STOCK_COUNTS, null, null, request, true, DynamoArticleStore::isCountKey,
                item -> new StockCount(Attr.str(item, Keys.SK), Attr.str(item, ArticleItems.NAME),
                        Attr.num(item, ArticleItems.COUNT)));
    }

    @Override
    public Page<FailureRecord> failures(PageRequest request) {
        String lo = request.from() == null ? null : Keys.lowerBound(request.from());
        String hi = request.to() == null ? null : Keys.upperBound(request.to());
        return page(Keys.FAILURES, lo, hi, request, false, Keys.TIMED_SORT_KEY.asMatchPredicate(), ArticleItems::failure);
    }

    /**
     * One Query. It asks for one item more than the page holds: when that item exists the page ends
     * on the last item shown, so a list never ends with an empty page behind a cursor.
     */
    private <T> Page<T> page(String pk, String lo, String hi, PageRequest request, boolean countsOnly,
                             Predicate<String> sortKeyShape, Function<Map<String, AttributeValue>, T> toValue) {
        Map<String, AttributeValue> start = startKey(request.after(), pk, lo, hi, sortKeyShape);
        if (lo != null && hi != null && lo.compareTo(hi) > 0) {
            // A range inside one millisecond that starts after its first instant holds no sort key (they are
            // whole milliseconds), and DynamoDB refuses a BETWEEN whose bounds are the wrong way round.
            return new Page<>(List.of(), null);
        }
        Map<String, String> names = new HashMap<>(Map.of("#pk", Keys.PK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", Attr.s(pk)));
        String condition = KEY_CONDITION;
        if (lo != null || hi != null) {
            names.put("#sk", Keys.SK);
            if (lo != null && hi != null) {
                condition += " AND #sk BETWEEN :lo AND :hi";
            } else {
                condition += lo != null ? " AND #sk >= :lo" : " AND #sk <= :hi";
            }
            if (lo != null) {
                values.put(":lo", Attr.s(lo));
            }
            if (hi != null) {
                values.put(":hi", Attr.s(hi));
            }
        }
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression(condition)
                .limit(request.limit() + 1)
                .scanIndexForward(request.order() == SortOrder.ASC)
                .exclusiveStartKey(start);
        if (countsOnly) {
            // a count that fell to zero stays as an item (ADD cannot delete); lists skip it
            names.put("#count", ArticleItems.COUNT);
            values.put(":zero", Attr.n(0));
            query.filterExpression("#count > :zero");
        }
        QueryResponse response = ddb.query(query.expressionAttributeNames(names).expressionAttributeValues(values).build());
        List<Map<String, AttributeValue>> items = response.items();
        if (items.size() > request.limit()) {
            List<Map<String, AttributeValue>> shown = items.subList(0, request.limit());
            return new Page<>(shown.stream().map(toValue).toList(), token(shown.get(shown.size() - 1)));
        }
        PageToken next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? token(response.lastEvaluatedKey()) : null;
        return new Page<>(items.stream().map(toValue).toList(), next);
    }

    private static PageToken token(Map<String, AttributeValue> item) {
        return new PageToken(Map.of(Keys.PK, item.get(Keys.PK).s(), Keys.SK, item.get(Keys.SK).s()));
    }

    /** A token names a position in this very list, inside the requested range; anything else is refused. */
    private static Map<String, AttributeValue> startKey(PageToken token, String pk, String lo, String hi,
                                                        Predicate<String> sortKeyShape) {
        if (token == null) {
            return null;
        }
        Map<String, String> p = token.position();
        if (!p.keySet().equals(Set.of(Keys.PK, Keys.SK))) {
            throw new IllegalArgumentException("not a page token of this store");
        }
        if (!pk.equals(p.get(Keys.PK))) {
            throw new IllegalArgumentException("the page token belongs to another list");
        }
        String sk = p.get(Keys.SK);
        if (sk == null || !sortKeyShape.test(sk)) {
            throw new IllegalArgumentException("the page token holds no valid position");
        }
        if ((lo != null && sk.compareTo(lo) < 0) || (hi != null && sk.compareTo(hi) > 0)) {
            throw new IllegalArgumentException("the page token lies outside the requested range");
        }
        return ArticleItems.key(pk, sk);
    }

    private static boolean isCountKey(String sk) {
        return !sk.isEmpty() && sk.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_COUNT_KEY_BYTES;
    }

    // ---------------------------------------------------------------- write side

    @Override
    public ArticleState current(String id) {
        return ArticleItems.state(ddb.getItem(r -> r.tableName(table).consistentRead(true)
                .key(ArticleItems.key(Keys.article(id), Keys.ARTICLE_SK))).item());
    }

    @Override
    public void store(ArticleState expected, StoredArticle article, Instant uploadedAt) {
        Objects.requireNonNull(uploadedAt, "uploadedAt");
        StoredArticle fitted = Fit.article(article);
        String id = fitted.article().id();
        if (!ArticleId.isWellFormed(id)) {
            throw new IllegalArgumentException("not an article id: " + id);
        }
        ArticleState.Footprint next = ArticleItems.footprint(fitted, uploadedAt);
        ArticleState.Footprint old = expected instanceof ArticleState.Live live ? live.footprint() : null;

        WritePlan plan = new WritePlan(table);
        plan.conditionalPut(ArticleItems.articleItem(fitted, expected.revision() + 1, next, uploadedAt), expectation(expected));
        for (String pk : next.partitions()) {
            plan.put(ArticleItems.entry(pk, next.sortKey(), fitted));
        }
        if (old != null) {
            for (String pk : old.partitions()) {
                boolean overwritten = old.sortKey().equals(next.sortKey()) && next.partitions().contains(pk);
                if (!overwritten) {
                    plan.delete(pk, old.sortKey());
                }
            }
        }
        adjustCounts(plan, old, next, ArticleItems.countNames(fitted));
        failureMark(expected).ifPresent(mark -> plan.delete(Keys.FAILURES, mark.entrySortKey()));
        execute(plan, id);
    }

    @Override
    public void delete(ArticleState expected, S3Location source, String sequencer) {
        String id = source.articleId();
        Instant now = clock.instant();
        WritePlan plan = new WritePlan(table);
        plan.conditionalPut(ArticleItems.tombstone(id, source, expected.revision() + 1, sequencer, now,
                now.plus(retention.tombstones())), expectation(expected));
        if (expected instanceof ArticleState.Live live) {
            for (String pk : live.footprint().partitions()) {
                plan.delete(pk, live.footprint().sortKey());
            }
            adjustCounts(plan, live.footprint(), null, Map.of());
        }
        failureMark(expected).ifPresent(mark -> plan.delete(Keys.FAILURES, mark.entrySortKey()));
        execute(plan, id);
    }

    @Override
    public void recordFailure(ArticleState expected, FailureRecord failure, String eTag, String parserVersion) {
        String id = ArticleId.of(failure.bucket(), failure.key());
        String sk = Keys.timed(failure.at(), id);
        Instant expiresAt = clock.instant().plus(retention.failures());
        ArticleState.FailureMark mark = new ArticleState.FailureMark(sk, eTag, parserVersion);

        WritePlan plan = new WritePlan(table);
        plan.put(ArticleItems.failureEntry(id, sk, failure, expiresAt));
        failureMark(expected).filter(old -> !old.entrySortKey().equals(sk))
                .ifPresent(old -> plan.delete(Keys.FAILURES, old.entrySortKey()));
        if (expected instanceof ArticleState.Live) {
            // the article stays: it is the newest version that parsed; it only learns of the failure
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, AttributeValue> values = new LinkedHashMap<>();
            StringBuilder set = new StringBuilder("SET #rev = :next, #fsk = :fsk");
            names.put("#rev", ArticleItems.REVISION);
            names.put("#fsk", ArticleItems.FAILURE_SK);
            values.put(":next", Attr.n(expected.revision() + 1));
            values.put(":fsk", Attr.s(sk));
            StringBuilder remove = new StringBuilder();
            setOrRemove(set, remove, names, values, "#fe", ArticleItems.FAILURE_ETAG, eTag);
            setOrRemove(set, remove, names, values, "#fp", ArticleItems.FAILURE_PARSER, parserVersion);
            if (failure.sequencer() != null) {
                setOrRemove(set, remove, names, values, "#seq", ArticleItems.SEQUENCER, failure.sequencer());
            }
            String expression = remove.isEmpty() ? set.toString() : set + " REMOVE " + remove;
            plan.update(ArticleItems.key(Keys.article(id), Keys.ARTICLE_SK), expression, names, values, expectation(expected));
        } else {
            plan.conditionalPut(ArticleItems.failureMarker(id, failure, expected.revision() + 1, mark, expiresAt),
                    expectation(expected));
        }
        execute(plan, id);
    }

    @Override
    public void deleteMarkedArticle(ArticleState.Live expected) {
        ArticleState.FailureMark mark = Objects.requireNonNull(expected.failure(), "only an article marked by a failure");
        StoredArticle article = expected.article();
        String id = article.article().id();
        WritePlan plan = new WritePlan(table);
        plan.conditionalPut(ArticleItems.failureMarker(id, article.source(), expected.sequencer(), expected.revision() + 1,
                mark, clock.instant().plus(retention.failures())), expectation(expected));
        for (String pk : expected.footprint().partitions()) {
            plan.delete(pk, expected.footprint().sortKey());
        }
        adjustCounts(plan, expected.footprint(), null, Map.of());
        execute(plan, id);
    }

    @Override
    public void advanceSequencer(String id, ArticleState expected, String sequencer) {
        if (!(expected instanceof ArticleState.Live || expected instanceof ArticleState.Failed)) {
            throw new IllegalStateException("only a stored article or a recorded failure is uploaded again: " + expected);
        }
        Objects.requireNonNull(sequencer, "sequencer");
        WritePlan.Condition condition = expectation(expected);
        Map<String, String> names = new HashMap<>(condition.names());
        names.put("#seq", ArticleItems.SEQUENCER);
        Map<String, AttributeValue> values = new HashMap<>(condition.values());
        values.put(":seq", Attr.s(sequencer));
        values.put(":next", Attr.n(expected.revision() + 1));
        String update = "SET #seq = :seq, #rev = :next";
        if (expected instanceof ArticleState.Live live && live.failure() == null) {
            // the article's own version was uploaded again (with a failure recorded, the failed one was)
            names.put("#aseq", ArticleItems.ARTICLE_SEQUENCER);
            update += ", #aseq = :seq";
        }
        String expression = update;
        try {
            ddb.updateItem(r -> r.tableName(table).key(ArticleItems.key(Keys.article(id), Keys.ARTICLE_SK))
                    .updateExpression(expression)
                    .conditionExpression(condition.expression())
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentChangeException("article " + id + " changed since it was read", e);
        }
    }

    private static void setOrRemove(StringBuilder set, StringBuilder remove, Map<String, String> names,
                                    Map<String, AttributeValue> values, String name, String attribute, String value) {
        names.put(name, attribute);
        if (value == null) {
            remove.append(remove.isEmpty() ? "" : ", ").append(name);
        } else {
            set.append(", ").append(name).append(" = :").append(name.substring(1));
            values.put(":" + name.substring(1), Attr.s(value));
        }
    }

    /** The write goes through only if the article item is still what the decision was based on. */
    private static WritePlan.Condition expectation(ArticleState expected) {
        if (expected instanceof ArticleState.Absent) {
            return new WritePlan.Condition("attribute_not_exists(#pk)", Map.of("#pk", Keys.PK), Map.of());
        }
        return new WritePlan.Condition("#rev = :rev", Map.of("#rev", ArticleItems.REVISION),
                Map.of(":rev", Attr.n(expected.revision())));
    }

    private static Optional<ArticleState.FailureMark> failureMark(ArticleState state) {
        if (state instanceof ArticleState.Live live) {
            return Optional.ofNullable(live.failure());
        }
        if (state instanceof ArticleState.Failed failed) {
            return Optional.of(failed.failure());
        }
        return Optional.empty();
    }

    /** +1 for each level or stock the article gains, −1 for each it loses; unchanged ones are not touched. */
    private static void adjustCounts(WritePlan plan, ArticleState.Footprint old, ArticleState.Footprint next,
                                     Map<Keys.CountKey, String> names) {
        Set<Keys.CountKey> before = counted(old);
        Set<Keys.CountKey> after = counted(next);
        for (Keys.CountKey gained : after) {
            if (before.contains(gained)) {
                continue;
            }
            String name = names.get(gained);
            boolean category = gained.partition().equals(Keys.CATEGORY_COUNTS);
            Map<String, String> attrNames = new HashMap<>(Map.of("#count", ArticleItems.COUNT));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":delta", Attr.n(1)));
            String expression = "ADD #count :delta";
            if (name != null) {
                attrNames.put("#name", ArticleItems.NAME);
                values.put(":name", Attr.s(name));
                // a category keeps the spelling first seen; a stock takes the name last seen
                expression += category ? " SET #name = if_not_exists(#name, :name)" : " SET #name = :name";
            }
            plan.update(ArticleItems.key(gained.partition(), gained.sortKey()), expression, attrNames, values, null);
        }
        for (Keys.CountKey lost : before) {
            if (!after.contains(lost)) {
                plan.update(ArticleItems.key(lost.partition(), lost.sortKey()), "ADD #count :delta",
                        Map.of("#count", ArticleItems.COUNT), Map.of(":delta", Attr.n(-1)), null);
            }
        }
    }

    private static Set<Keys.CountKey> counted(ArticleState.Footprint footprint) {
        Set<Keys.CountKey> counts = new HashSet<>();
        if (footprint != null) {
            for (String pk : footprint.partitions()) {
                Keys.CountKey count = Keys.countOf(pk);
                if (count != null) {
                    counts.add(count);
                }
            }
        }
        return counts;
    }

    private void execute(WritePlan plan, String id) {
        try {
            ddb.transactWriteItems(r -> r.transactItems(plan.actions()));
        } catch (TransactionCanceledException e) {
            if (e.hasCancellationReasons() && e.cancellationReasons().stream().map(CancellationReason::code)
                    .anyMatch(code -> "ValidationError".equals(code))) {
                throw e; // a malformed write is a bug, not a race
            }
            throw new ConcurrentChangeException("article " + id + " changed since it was read ("
                    + reasons(e) + ")", e);
        } catch (TransactionConflictException e) {
            throw new ConcurrentChangeException("article " + id + ": conflicting transaction", e);
        }
    }

    private static String reasons(TransactionCanceledException e) {
        return e.hasCancellationReasons()
                ? String.join(",", e.cancellationReasons().stream().map(r -> String.valueOf(r.code())).toList())
                : "no reasons given";
    }
}
