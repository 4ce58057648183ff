package dev.finnews.article;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NormalizeTest {
    @Test
    void fullWidthPunctuationAndVariantCharactersMatchTheirPlainForms() {
        assertThat(Normalize.key("新浪财经－国內")).isEqualTo(Normalize.key("新浪财经-国内")).isEqualTo("新浪财经-国内");
    }

    @Test
    void caseAndWhiteSpaceDoNotDistinguishNames() {
        assertThat(Normalize.key("  IT　之家 ")).isEqualTo("it 之家");
        assertThat(Normalize.key("今日推荐 /  精选")).isEqualTo("今日推荐 / 精选");
    }

    @Test
    void zeroWidthCharactersAreDropped() {
        assertThat(Normalize.key("金\u200d融")).isEqualTo("金融");
    }

    @Test
    void nullBecomesEmpty() {
        assertThat(Normalize.key(null)).isEmpty();
    }
}
