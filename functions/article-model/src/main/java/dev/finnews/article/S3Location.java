package dev.finnews.article;

import java.util.Objects;

/** Where an article file lives: bucket and decoded key. */
public record S3Location(String bucket, String key) {
    public S3Location {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }

    /** The id of the article stored from this object. */
    public String articleId() {
        return ArticleId.of(bucket, key);
    }
}
