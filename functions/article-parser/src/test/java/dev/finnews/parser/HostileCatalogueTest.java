package dev.finnews.parser;

import dev.finnews.article.Article;
import dev.finnews.parser.hostile.Expected;
import dev.finnews.parser.hostile.HostileFile;
import dev.finnews.parser.hostile.HostileFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every hostile file of the catalogue ({@link HostileFiles}) has exactly the outcome written next to it:
 * an article with exactly the listed warnings (and whatever else the entry checks), or the parser's
 * typed error with the listed code. The per-file timeout is a hang guard, not a speed requirement.
 */
class HostileCatalogueTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);
    private final ArticleParser parser = new ArticleParser(HostileFiles.MAX_BYTES);

    static List<HostileFile> catalogue() {
        return HostileFiles.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void eachFileHasItsWrittenOutcome(HostileFile file) {
        byte[] bytes = file.bytes();
        Outcome outcome = assertTimeoutPreemptively(HANG_GUARD, () -> parse(bytes, file.name()), file.name() + " hung");
        if (file.expected() instanceof Expected.ArticleWith expected) {
            assertThat(outcome).as("expected %s", expected).isInstanceOf(Outcome.Parsed.class);
            Article article = ((Outcome.Parsed) outcome).article();
            assertThat(article.warnings()).as("warnings").containsExactlyInAnyOrderElementsOf(expected.names());
            file.details().accept(article);
        } else {
            Expected.Failure expected = (Expected.Failure) file.expected();
            assertThat(outcome).as("expected %s", expected).isInstanceOf(Outcome.Failed.class);
            ParseException error = ((Outcome.Failed) outcome).error();
            assertThat(error.code()).isEqualTo(expected.code());
            assertThat(error.getMessage()).as("a real reason, not the last-resort guard")
                    .doesNotStartWith(ArticleParser.INTERNAL_FAILURE);
        }
    }

    @Test
    void theCatalogueHasAtLeastThirtyDistinctlyNamedFiles() {
        Set<String> names = new HashSet<>();
        assertThat(catalogue()).allSatisfy(f -> assertThat(names.add(f.name())).as("unique name %s", f.name()).isTrue());
        assertThat(names).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void fiftyMegabytesFailOnTheirSizeAloneBeforeAnyDecoding() {
        byte[] big = catalogue().stream().filter(f -> f.name().equals("fifty-megabytes.md")).findFirst().orElseThrow().bytes();
        big[big.length / 2] = 0; // a NUL would make any decoding answer NOT_TEXT
        Outcome outcome = parse(big, "fifty-megabytes.md");
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class,
                f -> assertThat(f.error().code()).isEqualTo(ErrorCode.TOO_LARGE));
    }

    private Outcome parse(byte[] bytes, String name) {
        try {
            return new Outcome.Parsed(parser.parse(bytes, "articles", "hostile/" + name));
        } catch (ParseException e) {
            return new Outcome.Failed(e);
        }
    }

    /** What the parser answered. */
    private sealed interface Outcome {
        record Parsed(Article article) implements Outcome {
            @Override
            public String toString() {
                return "article with warnings " + article.warnings();
            }
        }

        record Failed(ParseException error) implements Outcome {
            @Override
            public String toString() {
                return "failure " + error.code() + " (" + error.getMessage() + ")";
            }
        }
    }
}
