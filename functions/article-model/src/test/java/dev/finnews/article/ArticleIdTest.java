package dev.finnews.article;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleIdTest {
    @Test
    void isAFixedLengthUrlSafeHashOfBucketAndKey() {
        String id = ArticleId.of("articles", "金融/新浪财经 示例+1.md");
        assertThat(id).hasSize(ArticleId.LENGTH).matches("[A-Za-z0-9_-]+");
        assertThat(ArticleId.isWellFormed(id)).isTrue();
        assertThat(ArticleId.of("articles", "金融/新浪财经 示例+1.md")).isEqualTo(id);
    }

    @Test
    void differsForAnotherBucketOrKey() {
        assertThat(ArticleId.of("a", "b/c")).isNotEqualTo(ArticleId.of("b", "b/c")).isNotEqualTo(ArticleId.of("a", "b/c "));
        assertThat(new S3Location("a", "b/c").articleId()).isEqualTo(ArticleId.of("a", "b/c"));
    }

    @Test
    void recognisesMalformedIds() {
        assertThat(ArticleId.isWellFormed(null)).isFalse();
        assertThat(ArticleId.isWellFormed("short")).isFalse();
        assertThat(ArticleId.isWellFormed("AAAAAAAAAAAAAAAAAAAA/A")).isFalse();
    }
}
