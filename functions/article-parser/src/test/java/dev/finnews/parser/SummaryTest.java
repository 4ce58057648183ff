package dev.finnews.parser;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryTest {
    @Test
    void shortTextIsTheWholeTextOnOneLine() {
        assertThat(Summary.of(List.of("第一段。", "第二段"))).isEqualTo("第一段。第二段");
        assertThat(Summary.of(List.of("小标题", "正文。"))).isEqualTo("小标题 正文。");
        assertThat(Summary.of(List.of())).isEmpty();
    }

    @Test
    void longTextIsCutAtTheLastSentenceEndInsideTheWindow() {
        String sentence = "这是一个正好二十个字的句子用于测试摘要。"; // 20 characters
        String summary = Summary.of(List.of(sentence.repeat(30)));
        assertThat(summary).hasSize(200).endsWith("。");
    }

    @Test
    void closingQuotesStayWithTheirSentence() {
        String text = "甲".repeat(150) + "。“乙说好。”" + "丙".repeat(100);
        assertThat(Summary.of(List.of(text))).endsWith("“乙说好。”");
    }

    @Test
    void textWithoutSentenceEndsIsCutWithAnEllipsis() {
        String summary = Summary.of(List.of("字".repeat(500)));
        assertThat(summary).isEqualTo("字".repeat(Summary.MAX_CHARS) + "…");
    }
}
