package dev.finnews.local.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finnews.article.ArticleId;
import dev.finnews.local.cli.CapturedTerminal;
import dev.finnews.local.cli.ExitCode;
import dev.finnews.local.cli.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParseCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An invented article in the generator's format: leading blank line, key order, div wrapper, no final newline. */
    private static final String ARTICLE = String.join("\n",
            "",
            "---",
            "title: '港口吞吐量稳步回升'",
            "categories: ",
            " - 金融",
            " - 新浪财经",
            " - 新浪财经－国內",
            "headimg: 'https://picsum.photos/400/300?random=1'",
            "author: 新浪财经",
            "comments: false",
            "date: Sun, 10 Jul 2022 23:30:00 GMT",
            "thumbnail: 'https://picsum.photos/400/300?random=1'",
            "---",
            "",
            "<div>   ",
            "<p>　　沿海主要港口货物吞吐量连续两周回升，集装箱航线运力投放有所增加。</p>",
            "  ",
            "</div>",
            "            ");

    @TempDir
    Path dir;

    private final CapturedTerminal captured = new CapturedTerminal();

    @Test
    void printsOneLinePerFileInInputOrderWithThePathAsGiven() throws Exception {
        Path good = write("港口 吞吐量+回升.md", ARTICLE);
        Path broken = write("broken.md", "no front matter here");
        Path missing = dir.resolve("missing.md");

        int status = run(good.toString(), broken.toString(), missing.toString());

        List<JsonNode> lines = lines();
        assertThat(status).isEqualTo(ExitCode.FAILED);
        assertThat(lines).extracting(l -> l.get("file").asText())
                .containsExactly(good.toString(), broken.toString(), missing.toString());
        JsonNode article = lines.get(0);
        assertThat(article.get("id").asText()).isEqualTo(ArticleId.of("articles", "港口 吞吐量+回升.md"));
        assertThat(article.get("title").asText()).isEqualTo("港口吞吐量稳步回升");
        assertThat(article.get("publishDate").asText()).isEqualTo("2022-07-11");
        assertThat(article.has("error")).isFalse();
        assertThat(lines.get(1).get("error").get("code").asText()).isEqualTo("NO_FRONT_MATTER");
        assertThat(lines.get(2).get("error").get("code").asText()).isEqualTo("UNREADABLE");
        assertThat(lines.get(1).has("id")).isFalse();
    }

    @Test
    void bucketAndKeyDecideTheId() throws Exception {
        Path good = write("a.md", ARTICLE);

        assertThat(run("--bucket", "news", "--key", "2022/07/港口.md", good.toString())).isEqualTo(ExitCode.OK);

        assertThat(lines().get(0).get("id").asText()).isEqualTo(ArticleId.of("news", "2022/07/港口.md"));
    }

    @Test
    void aFileOverTheSizeLimitIsTooLarge() throws Exception {
        Path good = write("a.md", ARTICLE);
        ParseCommand small = new ParseCommand(Map.of("FINNEWS_MAX_OBJECT_BYTES", "100"));

        int status = small.run(small.options().parse(List.of(good.toString())), captured.terminal());

        assertThat(status).isEqualTo(ExitCode.FAILED);
        assertThat(lines().get(0).get("error").get("code").asText()).isEqualTo("TOO_LARGE");
    }

    @Test
    void keyWithSeveralFilesOrNoFileIsBadUsage() throws Exception {
        Path a = write("a.md", ARTICLE);

        assertThatThrownBy(() -> run("--key", "k", a.toString(), a.toString()))
                .isInstanceOf(UsageException.class).hasMessageContaining("--key applies to one FILE");
        assertThatThrownBy(this::run).isInstanceOf(UsageException.class).hasMessage("no FILE given");
        assertThat(captured.out()).isEmpty();
    }

    private int run(String... args) throws UsageException {
        ParseCommand command = new ParseCommand(Map.of());
        return command.run(command.options().parse(List.of(args)), captured.terminal());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private List<JsonNode> lines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.out().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }
}
