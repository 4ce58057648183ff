package dev.finnews.parser;

import dev.finnews.article.Article;
import dev.finnews.article.Limits;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the bytes, the parser answers with an article within the caps or its own typed exception:
 * nothing else escapes. Inputs come from a fixed seed, so a failure names a case that can be replayed.
 */
class ArbitraryInputTest {
    private static final long SEED = 0x5EED_F1A7L;
    private static final List<String> FIXTURES = List.of("sina-article.md", "hot-words.md", "plain-text.md", "pre-blocks.md");
    /** Fragments that matter to the readers: delimiters, quotes, entities, markup, odd characters. */
    private static final List<String> FRAGMENTS = List.of("<", ">", "---\n", "\n", "'", "\"", "&#123;", "<!--", "-->", "_",
            "\u0000", "\uFFFD", "<span id=\"stock_", "<p>", "</div>", ":", " - ", "\r", "\u3000", "(600000.SH)", "&", "&#",
            "<pre>", "<!-- news_keyword_pub,stock,", "title: ", "[", "&amp;", "\uFEFF");

    private final ArticleParser parser = new ArticleParser(Limits.DEFAULT_MAX_BYTES);

    @Test
    void randomBytesGiveAnArticleOrAParseException() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> escapes = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            byte[] bytes = new byte[random.nextInt(4000)];
            for (int k = 0; k < bytes.length; k++) {
                bytes[k] = (byte) random.nextInt(256);
            }
            check("random #" + i, bytes, escapes);
        }
        assertThat(escapes).isEmpty();
    }

    @Test
    void mutatedArticlesGiveAnArticleOrAParseException() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        List<byte[]> fixtures = FIXTURES.stream().map(ArticleFiles::fixture).toList();
        List<String> escapes = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            byte[] bytes = mutate(fixtures.get(random.nextInt(fixtures.size())), random);
            check("mutation #" + i, bytes, escapes);
        }
        assertThat(escapes).isEmpty();
    }

    private void check(String name, byte[] bytes, List<String> escapes) {
        try {
            Article a = parser.parse(bytes, "articles", "fuzz.md");
            if (a.stocks().size() > Limits.MAX_STOCKS || a.images().size() > Limits.MAX_IMAGES
                    || a.keywords().size() > Limits.MAX_KEYWORDS || a.categories().size() > Limits.MAX_CATEGORIES) {
                escapes.add(name + ": caps exceeded");
            }
        } catch (ParseException e) {
            if (e.code() == null || e.getMessage().startsWith(ArticleParser.INTERNAL_FAILURE)) {
                escapes.add(name + ": " + e.code() + " " + e.getMessage()); // the last-resort guard hid a bug
            }
        } catch (RuntimeException | Error e) {
            escapes.add(name + ": " + e);
        }
    }

    /** Up to a dozen overwrites or fragment insertions, then sometimes a truncation. */
    private static byte[] mutate(byte[] original, SplittableRandom random) {
        byte[] b = original.clone();
        int edits = random.nextInt(13);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(b.length + 1);
            if (random.nextBoolean() && at < b.length) {
                b[at] = (byte) random.nextInt(256);
            } else {
                byte[] insert = FRAGMENTS.get(random.nextInt(FRAGMENTS.size())).getBytes(StandardCharsets.UTF_8);
                byte[] grown = new byte[b.length + insert.length];
                System.arraycopy(b, 0, grown, 0, at);
                System.arraycopy(insert, 0, grown, at, insert.length);
                System.arraycopy(b, at, grown, at + insert.length, b.length - at);
                b = grown;
            }
        }
        return random.nextInt(4) == 0 ? Arrays.copyOf(b, random.nextInt(b.length + 1)) : b;
    }
}
