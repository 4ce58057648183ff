package dev.finnews.ingest;

import dev.finnews.article.Article;
import dev.finnews.article.ArticleId;
import dev.finnews.article.S3Location;
import dev.finnews.parser.ErrorCode;
import dev.finnews.parser.ParseException;
import dev.finnews.store.ArticleState;
import dev.finnews.store.ArticleWrites;
import dev.finnews.store.ConcurrentChangeException;
import dev.finnews.store.FailureRecord;
import dev.finnews.store.StoredArticle;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** In-memory stand-ins for the table, S3 and the parser, with the same contracts. */
final class Fakes {
    private Fakes() {
    }

    /** The table: one state per id, revisions checked like the conditional writes do. */
    static class Store implements ArticleWrites {
        final Map<String, ArticleState> states = new HashMap<>();
        final List<String> writes = new ArrayList<>();
        final List<FailureRecord> failures = new ArrayList<>();
        int reads;
        /** Writes that will lose a race before one goes through. */
        int conflictsAhead;

        @Override
        public ArticleState current(String id) {
            reads++;
            return states.getOrDefault(id, new ArticleState.Absent());
        }

        @Override
        public void store(ArticleState expected, StoredArticle article, Instant uploadedAt) {
            String id = article.article().id();
            check(id, expected, "store");
            states.put(id, new ArticleState.Live(expected.revision() + 1, article.sequencer(), article, null,
                    new ArticleState.Footprint(uploadedAt.toString(), Set.of())));
        }

        @Override
        public void delete(ArticleState expected, S3Location source, String sequencer) {
            check(source.articleId(), expected, "delete");
            states.put(source.articleId(), new ArticleState.Deleted(expected.revision() + 1, sequencer, Instant.EPOCH, Instant.EPOCH));
        }

        @Override
        public void recordFailure(ArticleState expected, FailureRecord failure, String eTag, String parserVersion) {
            String id = ArticleId.of(failure.bucket(), failure.key());
            check(id, expected, "failure");
            failures.add(failure);
            ArticleState.FailureMark mark = new ArticleState.FailureMark(failure.at() + "#" + id, eTag, parserVersion);
            String sequencer = failure.sequencer() != null ? failure.sequencer() : expected.sequencer();
            states.put(id, expected instanceof ArticleState.Live live
                    ? new ArticleState.Live(live.revision() + 1, sequencer, live.article(), mark, live.footprint())
                    : new ArticleState.Failed(expected.revision() + 1, failure.sequencer(), mark));
        }

        @Override
        public void deleteMarkedArticle(ArticleState.Live expected) {
            String id = expected.article().article().id();
            check(id, expected, "delete marked");
            states.put(id, new ArticleState.Failed(expected.revision() + 1, expected.sequencer(), expected.failure()));
        }

        @Override
        public void advanceSequencer(String id, ArticleState expected, String sequencer) {
            check(id, expected, "sequencer");
            if (expected instanceof ArticleState.Failed failed) {
                states.put(id, new ArticleState.Failed(failed.revision() + 1, sequencer, failed.failure()));
                return;
            }
            ArticleState.Live live = (ArticleState.Live) expected;
            StoredArticle a = live.article();
            StoredArticle again = live.failure() != null ? a
                    : new StoredArticle(a.article(), a.source(), a.textTruncated(), a.parserVersion(), a.eTag(), sequencer, a.storedAt());
            states.put(id, new ArticleState.Live(live.revision() + 1, sequencer, again, live.failure(), live.footprint()));
        }

        ArticleState state(S3Location source) {
            return states.getOrDefault(source.articleId(), new ArticleState.Absent());
        }

        private void check(String id, ArticleState expected, String write) {
            if (conflictsAhead > 0) {
                conflictsAhead--;
                throw new ConcurrentChangeException("lost a race", null);
            }
            ArticleState now = states.getOrDefault(id, new ArticleState.Absent());
            if (now.revision() != expected.revision()) {
                throw new ConcurrentChangeException("stale read", null);
            }
            writes.add(write);
        }
    }

    /** The bucket: current objects only, honouring If-Match like S3. */
    static class Objects implements ObjectSource {
        final Map<S3Location, Stored> objects = new HashMap<>();
        int fetches;
        int heads;

        record Stored(byte[] content, String eTag, Instant lastModified) {
        }

        void put(S3Location where, String content, String eTag) {
            objects.put(where, new Stored(content.getBytes(StandardCharsets.UTF_8), eTag, Instant.parse("2024-03-01T00:00:00Z")));
        }

        @Override
        public Fetch fetch(S3Location source, String ifMatch, long maxBytes) {
            fetches++;
            Stored o = objects.get(source);
            if (o == null) {
                return new Fetch.Missing();
            }
            if (ifMatch != null && !ifMatch.equals(o.eTag())) {
                return new Fetch.Changed();
            }
            if (o.content().length > maxBytes) {
                return new Fetch.TooLarge(o.content().length, o.eTag());
            }
            return new Fetch.Found(o.content(), o.eTag(), o.lastModified());
        }

        @Override
        public boolean exists(S3Location source) {
            heads++;
            return objects.containsKey(source);
        }
    }

    /** A parser for invented content: the text is the content; {@code BROKEN} fails. */
    static final class Parser implements Extractor {
        String version = "1";
        int parses;

        @Override
        public Article extract(byte[] content, String bucket, String key) throws ParseException {
            parses++;
            String text = new String(content, StandardCharsets.UTF_8);
            if (text.startsWith("BROKEN")) {
                throw new ParseException(ErrorCode.NO_FRONT_MATTER, "no front matter");
            }
            return new Article(ArticleId.of(bucket, key), "标题", "标题", List.of("金融"), "新浪财经", null, null, null, null,
                    text, "", List.of(), null, List.of(), List.of(), List.of());
        }

        @Override
        public String version() {
            return version;
        }
    }
}
