package dev.finnews.ingest;

import dev.finnews.article.Article;
import dev.finnews.parser.ArticleParser;
import dev.finnews.parser.ParseException;

/** Turns an object's bytes into an article; {@link #version()} tells stored extractions apart. */
public interface Extractor {

    Article extract(byte[] content, String bucket, String key) throws ParseException;

    String version();

    /** The real parser. */
    static Extractor parser(int maxBytes) {
        ArticleParser parser = new ArticleParser(maxBytes);
        return new Extractor() {
            @Override
            public Article extract(byte[] content, String bucket, String key) throws ParseException {
                return parser.parse(content, bucket, key);
            }

            @Override
            public String version() {
                return ArticleParser.VERSION;
            }
        };
    }
}
