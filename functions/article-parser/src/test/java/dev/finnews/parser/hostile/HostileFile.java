package dev.finnews.parser.hostile;

import dev.finnews.article.Article;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One entry of the hostile-file catalogue.
 *
 * @param name     file name, unique in the catalogue; ingest tests upload it under {@code hostile/<name>}
 * @param what     what is hostile about it, in a few words
 * @param content  the bytes, built on demand (the large files are generated, never committed)
 * @param expected the outcome, written next to the file it belongs to
 * @param details  further checks on the article when one is expected (no-op otherwise)
 */
public record HostileFile(String name, String what, Supplier<byte[]> content, Expected expected, Consumer<Article> details) {
    public HostileFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(details, "details");
    }

    public byte[] bytes() {
        return content.get();
    }

    @Override
    public String toString() {
        return name + " → " + expected;
    }
}
