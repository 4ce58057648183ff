package dev.finnews.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SequencerTest {

    @Test
    void theGreaterHexValueIsLater() {
        assertThat(Sequencer.compare("0055AED6DCD90281E5", "0055AED6DCD90281E6")).isNegative();
        assertThat(Sequencer.compare("0055AED6DCD90281E6", "0055AED6DCD90281E5")).isPositive();
        assertThat(Sequencer.compare("0055AED6DCD90281E5", "0055aed6dcd90281e5")).isZero();
    }

    @Test
    void differentLengthsAreRightPaddedWithZerosBeforeComparing() {
        // right padding: "0055AED6DCD90281E5" is compared as "0055AED6DCD90281E500"
        assertThat(Sequencer.compare("0055AED6DCD90281E5", "0055AED6DCD90281E500")).isZero();
        assertThat(Sequencer.compare("0055AED6DCD90281E5", "0055AED6DCD90281E501")).isNegative();
        assertThat(Sequencer.compare("0055AED6DCD90281E6", "0055AED6DCD90281E5FF")).isPositive();
    }
}
