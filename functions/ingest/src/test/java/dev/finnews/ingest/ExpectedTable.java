package dev.finnews.ingest;

import dev.finnews.article.Article;
import dev.finnews.article.ArticleId;
import dev.finnews.article.Normalize;
import dev.finnews.article.StockMention;
import dev.finnews.parser.ArticleParser;
import dev.finnews.parser.ParseException;
import dev.finnews.store.StoredArticle;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The table a correct ingest must leave behind, computed without the ingest code: from S3's last
 * version of each key (read fault-free), the parser run on its bytes, the newest sequencer S3 issued
 * for the key, and the table design written down in docs/architecture.md. {@link #differences} compares
 * it with a full scan, item by item, and lists every discrepancy.
 */
final class ExpectedTable {
    private static final DateTimeFormatter SORT_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** What one key must come to. */
    sealed interface Final {
        String key();

        /** The newest sequencer S3 issued for the key. */
        String sequencer();
    }

    record Live(String key, String sequencer, String eTag, Article article, boolean truncated, Instant uploadedAt,
                String sortKey, Set<String> partitions) implements Final {
    }

    record Failed(String key, String sequencer, String eTag, String reason) implements Final {
    }

    record Deleted(String key, String sequencer) implements Final {
    }

    private final Map<String, Final> byId;
    private final Map<String, Long> counts;

    private ExpectedTable(Map<String, Final> byId, Map<String, Long> counts) {
        this.byId = byId;
        this.counts = counts;
    }

    /**
     * @param lastSequencers every key the run touched, with the sequencer of its last operation
     */
    static ExpectedTable compute(S3Client s3, String bucket, Map<String, String> lastSequencers, int maxObjectBytes,
                                 int maxTextBytes) {
        ArticleParser parser = new ArticleParser(maxObjectBytes);
        Map<String, Final> byId = new TreeMap<>();
        Map<String, Long> counts = new TreeMap<>();
        lastSequencers.forEach((key, sequencer) -> {
            Final f = finalState(s3, parser, bucket, key, sequencer, maxObjectBytes, maxTextBytes);
            byId.put(ArticleId.of(bucket, key), f);
            if (f instanceof Live live) {
                for (String pk : live.partitions()) {
                    if (pk.startsWith("L#CAT#")) {
                        counts.merge("COUNT#CAT|" + pk.substring("L#CAT#".length()), 1L, Long::sum);
                    } else if (pk.startsWith("L#STOCK#")) {
                        counts.merge("COUNT#STOCK|" + pk.substring("L#STOCK#".length()), 1L, Long::sum);
                    }
                }
            }
        });
        return new ExpectedTable(byId, counts);
    }

    private static Final finalState(S3Client s3, ArticleParser parser, String bucket, String key, String sequencer,
                                     int maxObjectBytes, int maxTextBytes) {
        ResponseBytes<GetObjectResponse> object;
        try {
            object = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            return new Deleted(key, sequencer);
        }
        byte[] bytes = object.asByteArray();
        String eTag = ETags.bare(object.response().eTag());
        if (bytes.length > maxObjectBytes) {
            return new Failed(key, sequencer, eTag, "TOO_LARGE");
        }
        Article parsed;
        try {
            parsed = parser.parse(bytes, bucket, key);
        } catch (ParseException e) {
            return new Failed(key, sequencer, eTag, e.code().name());
        }
        String text = utf8Prefix(parsed.text(), maxTextBytes);
        boolean truncated = text.length() < parsed.text().length();
        Article article = truncated ? withText(parsed, text) : parsed;
        Instant uploadedAt = object.response().lastModified();
        Instant sortTime = article.publishedAt() != null ? article.publishedAt() : uploadedAt;
        String sortKey = SORT_TIME.format(sortTime.truncatedTo(ChronoUnit.MILLIS)) + "#" + article.id();
        Set<String> partitions = new LinkedHashSet<>();
        partitions.add("L#ALL");
        for (String level : article.categories()) {
            String k = Normalize.key(level);
            if (!k.isEmpty()) {
                partitions.add("L#CAT#" + k);
            }
        }
        if (article.publishDate() != null) {
            partitions.add("L#DATE#" + article.publishDate());
        }
        for (StockMention m : article.stocks()) {
            partitions.add("L#STOCK#" + m.symbol());
        }
        return new Live(key, sequencer, eTag, article, truncated, uploadedAt, sortKey, partitions);
    }

    /** How many keys end in each kind of final state. */
    Map<String, Integer> summary() {
        Map<String, Integer> s = new TreeMap<>();
        byId.values().forEach(f -> s.merge(f.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum));
        s.put("truncated", (int) byId.values().stream().filter(f -> f instanceof Live l && l.truncated()).count());
        s.put("undated", (int) byId.values().stream().filter(f -> f instanceof Live l && l.article().publishedAt() == null).count());
        return s;
    }

    /**
     * Every way {@code table} (a full scan, by "pk|sk") differs from what it must hold.
     *
     * @param read the article as the store reads it back, by id
     */
    List<String> differences(Map<String, Map<String, AttributeValue>> table, Function<String, Optional<StoredArticle>> read) {
        List<String> diffs = new ArrayList<>();
        Set<String> expected = new TreeSet<>();
        byId.forEach((id, f) -> {
            expected.add("A#" + id + "|A");
            if (f instanceof Live live) {
                live.partitions().forEach(pk -> expected.add(pk + "|" + live.sortKey()));
            }
        });
        Set<String> actual = new TreeSet<>();
        table.keySet().stream().filter(k -> !k.startsWith("COUNT#") && !k.startsWith("FAIL|")).forEach(actual::add);
        for (String k : expected) {
            if (!actual.contains(k)) {
                diffs.add("missing item " + k + " (" + describe(k) + ")");
            }
        }
        for (String k : actual) {
            if (!expected.contains(k)) {
                diffs.add("unexpected item " + k + " (" + describe(k) + ")");
            }
        }

        Map<String, String> failureEntryOf = new HashMap<>();
        byId.forEach((id, f) -> {
            Map<String, AttributeValue> item = table.get("A#" + id + "|A");
            if (item == null) {
                return;
            }
            String where = f.key() + " (" + id + ")";
            check(diffs, where, "sequencer", f.sequencer(), str(item, "sequencer"));
            if (f instanceof Live live) {
                checkLive(diffs, where, live, item, table, read.apply(id));
            } else if (f instanceof Failed failed) {
                check(diffs, where, "state", "FAILED", str(item, "state"));
                check(diffs, where, "failureETag", failed.eTag(), str(item, "failureETag"));
                String entry = str(item, "failureSk");
                if (entry == null) {
                    diffs.add(where + ": no failureSk on the failure marker");
                } else {
                    failureEntryOf.put("FAIL|" + entry, id);
                    Map<String, AttributeValue> fail = table.get("FAIL|" + entry);
                    if (fail == null) {
                        diffs.add(where + ": the failure entry FAIL|" + entry + " is missing");
                    } else {
                        check(diffs, where, "failure id", id, str(fail, "id"));
                        check(diffs, where, "failure key", f.key(), str(fail, "key"));
                        check(diffs, where, "failure reason", failed.reason(), str(fail, "reason"));
                        check(diffs, where, "failure sequencer", f.sequencer(), str(fail, "sequencer"));
                    }
                }
            } else {
                check(diffs, where, "state", "DELETED", str(item, "state"));
                check(diffs, where, "failureSk", null, str(item, "failureSk"));
                check(diffs, where, "key", f.key(), str(item, "key"));
            }
        });
        table.keySet().stream().filter(k -> k.startsWith("FAIL|") && !failureEntryOf.containsKey(k))
                .forEach(k -> diffs.add("unexpected failure entry " + k + " for " + str(table.get(k), "key")));

        table.forEach((k, item) -> {
            if (k.startsWith("COUNT#")) {
                long stored = item.get("articles") == null ? 0 : Long.parseLong(item.get("articles").n());
                long want = counts.getOrDefault(k, 0L);
                if (stored != want) {
                    diffs.add("count " + k + " is " + stored + ", expected " + want);
                }
            }
        });
        counts.keySet().stream().filter(k -> !table.containsKey(k)).forEach(k -> diffs.add("missing count " + k));
        return diffs;
    }

    private static void checkLive(List<String> diffs, String where, Live live, Map<String, AttributeValue> item,
                                  Map<String, Map<String, AttributeValue>> table, Optional<StoredArticle> stored) {
        check(diffs, where, "state", "ARTICLE", str(item, "state"));
        check(diffs, where, "eTag", live.eTag(), str(item, "eTag"));
        check(diffs, where, "parserVersion", ArticleParser.VERSION, str(item, "parserVersion"));
        check(diffs, where, "textTruncated", live.truncated(), item.get("textTruncated") != null && item.get("textTruncated").bool());
        check(diffs, where, "failureSk", null, str(item, "failureSk"));
        check(diffs, where, "lookupSk", live.sortKey(), str(item, "lookupSk"));
        Set<String> pks = item.get("lookupPks") == null ? Set.of()
                : new TreeSet<>(item.get("lookupPks").l().stream().map(AttributeValue::s).toList());
        check(diffs, where, "lookupPks", new TreeSet<>(live.partitions()), pks);
        if (live.article().publishedAt() == null) {
            check(diffs, where, "uploadedAt", live.uploadedAt().toString(), str(item, "uploadedAt"));
        }
        if (stored.isEmpty()) {
            diffs.add(where + ": the store does not read the article back");
        } else if (!stored.get().article().equals(live.article())) {
            diffs.add(where + ": the stored article differs from the parser's: " + firstDifference(live.article(), stored.get().article()));
        }
        for (String pk : live.partitions()) {
            Map<String, AttributeValue> entry = table.get(pk + "|" + live.sortKey());
            if (entry != null) {
                String at = where + " entry " + pk;
                check(diffs, at, "id", live.article().id(), str(entry, "id"));
                check(diffs, at, "title", live.article().title(), str(entry, "title"));
                check(diffs, at, "summary", live.article().summary(), str(entry, "summary"));
                check(diffs, at, "key", live.key(), str(entry, "key"));
            }
        }
    }

    private String describe(String itemKey) {
        String id = itemKey.startsWith("A#") ? itemKey.substring(2, itemKey.indexOf('|'))
                : itemKey.substring(itemKey.lastIndexOf('#') + 1);
        Final f = byId.get(id);
        return f == null ? "no key of the run" : f.getClass().getSimpleName() + " " + f.key();
    }

    private static void check(List<String> diffs, String where, String what, Object want, Object got) {
        if (!Objects.equals(want, got)) {
            diffs.add(where + ": " + what + " is " + got + ", expected " + want);
        }
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    /** Names the first field that differs, not two whole articles. */
    private static String firstDifference(Article want, Article got) {
        Map<String, Object[]> fields = new LinkedHashMap<>();
        fields.put("title", new Object[] {want.title(), got.title()});
        fields.put("categories", new Object[] {want.categories(), got.categories()});
        fields.put("publishedAt", new Object[] {want.publishedAt(), got.publishedAt()});
        fields.put("publishDate", new Object[] {want.publishDate(), got.publishDate()});
        fields.put("text", new Object[] {want.text(), got.text()});
        fields.put("summary", new Object[] {want.summary(), got.summary()});
        fields.put("images", new Object[] {want.images(), got.images()});
        fields.put("stocks", new Object[] {want.stocks(), got.stocks()});
        fields.put("keywords", new Object[] {want.keywords(), got.keywords()});
        fields.put("warnings", new Object[] {want.warnings(), got.warnings()});
        for (Map.Entry<String, Object[]> e : fields.entrySet()) {
            if (!Objects.equals(e.getValue()[0], e.getValue()[1])) {
                return e.getKey();
            }
        }
        return "another field";
    }

    /** The longest prefix of {@code s} with at most {@code maxBytes} UTF-8 bytes, never splitting a code point. */
    private static String utf8Prefix(String s, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                return s.substring(0, i);
            }
            bytes += size;
            i += Character.charCount(cp);
        }
        return s;
    }

    private static Article withText(Article a, String text) {
        return new Article(a.id(), a.title(), a.titleRaw(), a.categories(), a.author(), a.origin(), a.editor(),
                a.publishedAt(), a.publishDate(), text, a.summary(), a.images(), a.leadImage(), a.stocks(),
                a.keywords(), a.warnings());
    }
}
