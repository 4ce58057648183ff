package dev.finnews.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextCutTest {

    @Test
    void keepsTextThatFits() {
        assertThat(TextCut.toUtf8Bytes("新浪财经", 12)).isEqualTo("新浪财经");
    }

    @Test
    void cutsAtACodePointBoundary() {
        // 3 bytes per character: 7 bytes hold two characters, never a broken third
        assertThat(TextCut.toUtf8Bytes("新浪财经", 7)).isEqualTo("新浪");
        assertThat(TextCut.toUtf8Bytes("a新", 3)).isEqualTo("a");
    }

    @Test
    void neverSplitsASurrogatePair() {
        String emoji = "x\uD83D\uDE00y"; // 1 + 4 + 1 bytes
        assertThat(TextCut.toUtf8Bytes(emoji, 4)).isEqualTo("x");
        assertThat(TextCut.toUtf8Bytes(emoji, 5)).isEqualTo("x\uD83D\uDE00");
        assertThat(TextCut.toChars(emoji, 2)).isEqualTo("x");
    }

    @Test
    void resultAlwaysFitsTheBudget() {
        String mixed = "股市 stock 📈 ".repeat(500);
        for (int budget = 0; budget < 200; budget += 7) {
            assertThat(TextCut.utf8Length(TextCut.toUtf8Bytes(mixed, budget))).isLessThanOrEqualTo(budget);
        }
    }
}
