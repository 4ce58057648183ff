package dev.finnews.parser;

import dev.finnews.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast reader gives exactly YAML's answer on the lines it accepts, and refuses everything else. */
class SimpleFrontMatterTest {
    @Test
    void agreesWithYamlOnEveryRealAndFixtureFrontMatter() throws IOException, ParseException {
        List<String> blocks = new ArrayList<>();
        for (Path file : Corpus.devFiles()) {
            blocks.add(FileLayout.split(Files.readString(file, StandardCharsets.UTF_8)).frontMatter());
        }
        for (String fixture : List.of("sina-article.md", "hot-words.md", "plain-text.md", "pre-blocks.md")) {
            blocks.add(FileLayout.split(new String(ArticleFiles.fixture(fixture), StandardCharsets.UTF_8)).frontMatter());
        }
        for (String block : blocks) {
            assertThat(SimpleFrontMatter.read(block)).as(block).isPresent().isEqualTo(FrontMatter.yaml(block));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "title: 'a'\ncategories:\n - x\n-  y\n",
            "title: \"It's\"\ncategories:\nauthor:\n",
            "title: a\n\ncategories: \n  - 金融 / x\n  - b c\n",
            "title: 2021-01-01 10:00:00\nx: ~\ny: null\nz: false\n",
            "title: 'x' \ndate: Sat, 09 Jul 2022 23:54:27 GMT\n"})
    void agreesWithYamlOnSimpleShapes(String block) {
        assertThat(SimpleFrontMatter.read(block)).isEqualTo(FrontMatter.yaml(block));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "title: \"It's \"big\"\"\n",          // both quote kinds: broken YAML
            "title: 'It''s'\n",                   // an escaped quote
            "title: \"a\\tb\"\n",                 // a backslash escape
            "title: a: b\n",                      // a nested mapping
            "title: a #comment\n",                // a comment
            "title: [a, b]\n",                    // a flow sequence
            "title: &x a\nauthor: *x\n",          // anchors and aliases
            "title: |\n  a\n",                    // a block scalar
            "title: a\ntitle: b\n",               // a duplicate key
            "title: a\n  continued\n",            // a continuation line
            "# note\ntitle: a\n",                 // a comment line
            "title:\ta\n",                        // a tab
            "- a\n",                              // a list without a key
            "title: a\ncategories:\n - x\n  - y\n" // uneven list indentation
    })
    void refusesAnythingYamlCouldReadDifferently(String block) {
        assertThat(SimpleFrontMatter.read(block)).isEmpty();
    }
}
