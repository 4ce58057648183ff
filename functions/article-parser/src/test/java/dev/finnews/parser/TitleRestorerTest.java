package dev.finnews.parser;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TitleRestorerTest {
    @Test
    void underscoresAroundAPhraseTheBodyQuotesBecomeQuotes() {
        assertThat(TitleRestorer.restore("100个_无废城市_来了，迎来_黄金期_", "…“无废城市”…“黄金期”…", ""))
                .isEqualTo("100个“无废城市”来了，迎来“黄金期”");
    }

    @Test
    void phrasesTheBodyDoesNotQuoteStayAsWritten() {
        assertThat(TitleRestorer.restore("比分_2_1_领先", "正文没有引号", "")).isEqualTo("比分_2_1_领先");
        assertThat(TitleRestorer.restore("a__b", "“”", "")).isEqualTo("a__b");
    }

    @Test
    void theMarkupCountsWhenTheTextLostTheQuote() {
        assertThat(TitleRestorer.restore("引_活水_", "", "<p>引导金融“活水”</p>")).isEqualTo("引“活水”");
    }
}
