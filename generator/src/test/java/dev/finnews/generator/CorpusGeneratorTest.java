package dev.finnews.generator;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CorpusGeneratorTest {
    private final CorpusGenerator generator = new CorpusGenerator(42);

    @Test
    void sameSeedGivesTheSameBytes() {
        assertThat(new CorpusGenerator(42).file(7).content()).isEqualTo(generator.file(7).content());
        assertThat(new CorpusGenerator(43).file(7).content()).isNotEqualTo(generator.file(7).content());
    }

    @Test
    void filesHaveTheGeneratorsExactFrame() {
        for (int i = 0; i < 50; i++) {
            String text = new String(generator.file(i).content(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("\n---\ntitle: ").contains("\ncategories: \n - ").endsWith("\n</div>            ");
            assertThat(text).doesNotContain("{", "}");
        }
    }

    @Test
    void namesAreUniqueAndSizesSpanTheRealRange() {
        Set<String> names = new HashSet<>();
        int[] sizes = IntStream.range(0, 300).map(i -> {
            CorpusGenerator.GeneratedFile f = generator.file(i);
            names.add(f.name());
            return f.content().length;
        }).toArray();
        assertThat(names).hasSize(300);
        assertThat(IntStream.of(sizes).min().orElseThrow()).isLessThan(3_000);
        assertThat(IntStream.of(sizes).max().orElseThrow()).isGreaterThan(100_000);
    }

    @Test
    void mixesFeedsAndDateStyles() {
        String all = String.join("\n", IntStream.range(0, 300)
                .mapToObj(i -> new String(generator.file(i).content(), StandardCharsets.UTF_8)).toList());
        assertThat(all).contains("author: 新浪财经", "author: 证券时报网", "author: IT 之家", "author: DT 财经",
                "trsHotWords", "news_keyword_pub", "hkstock_", "usstock_", "date: Invalid Date", " GMT\n");
        assertThat(all).containsPattern("date: \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\n");
    }
}
