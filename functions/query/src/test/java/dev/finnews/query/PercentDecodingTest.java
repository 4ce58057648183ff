package dev.finnews.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PercentDecodingTest {

    @Test
    void decodesUtf8Sequences() {
        assertThat(PercentDecoding.pathSegment("%E6%96%B0%E6%B5%AA%E8%B4%A2%E7%BB%8F")).isEqualTo("新浪财经");
        assertThat(PercentDecoding.pathSegment("%e6%96%b0")).isEqualTo("新");
    }

    @Test
    void decodesExactlyOnce() {
        assertThat(PercentDecoding.pathSegment("a%2Fb")).isEqualTo("a/b");
        assertThat(PercentDecoding.pathSegment("100%25")).isEqualTo("100%");
        assertThat(PercentDecoding.pathSegment("%252F")).isEqualTo("%2F");
    }

    @Test
    void plusIsLiteralInPathsAndSpaceInForms() {
        assertThat(PercentDecoding.pathSegment("a+b")).isEqualTo("a+b");
        assertThat(PercentDecoding.formValue("a+b")).isEqualTo("a b");
        assertThat(PercentDecoding.formValue("a%2Bb")).isEqualTo("a+b");
    }

    @Test
    void keepsUnencodedUnicode() {
        assertThat(PercentDecoding.pathSegment("新浪财经－国內")).isEqualTo("新浪财经－国內");
        assertThat(PercentDecoding.pathSegment("新%20浪")).isEqualTo("新 浪");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "%2", "a%", "%G1", "%1G", "%%", "%E6%96", "%FF", "%C0%AF", "%ED%A0%80", "%０１"})
    void rejectsMalformedEncoding(String raw) {
        assertThatThrownBy(() -> PercentDecoding.pathSegment(raw)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PercentDecoding.formValue(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\uD800%20", "a\uD800", "\uDC00", "x\uDC00\uD800y", "\uD83D"})
    void rejectsLoneSurrogatesWithOrWithoutPercentSigns(String raw) {
        assertThatThrownBy(() -> PercentDecoding.pathSegment(raw)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PercentDecoding.formValue(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsSurrogatePairs() {
        assertThat(PercentDecoding.pathSegment("表情😀")).isEqualTo("表情😀");
        assertThat(PercentDecoding.formValue("😀+𠀀")).isEqualTo("😀 𠀀");
    }
}
