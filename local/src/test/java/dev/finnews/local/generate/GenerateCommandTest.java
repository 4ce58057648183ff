package dev.finnews.local.generate;

import dev.finnews.local.cli.CapturedTerminal;
import dev.finnews.local.cli.ExitCode;
import dev.finnews.local.cli.UsageException;
import dev.finnews.parser.ArticleParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenerateCommandTest {
    private final GenerateCommand command = new GenerateCommand();

    @Test
    void writesFilesTheParserReadsAndTheSameFilesForTheSameSeed(@TempDir Path dir) throws Exception {
        CapturedTerminal first = new CapturedTerminal();
        assertThat(command.run(command.options().parse(List.of("--count", "20", "--out", dir.resolve("a").toString(), "--seed", "9")),
                first.terminal())).isEqualTo(ExitCode.OK);
        command.run(command.options().parse(List.of("--count", "20", "--out", dir.resolve("b").toString(), "--seed", "9")),
                new CapturedTerminal().terminal());

        List<Path> files;
        try (Stream<Path> list = Files.list(dir.resolve("a"))) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSize(20);
        ArticleParser parser = new ArticleParser(5 << 20);
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            assertThat(bytes).isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(f.getFileName())));
            assertThat(parser.parse(bytes, "articles", f.getFileName().toString()).title()).isNotBlank();
        }
        assertThat(first.err()).contains("wrote 20 files");
    }

    @Test
    void refusesAMissingOrBadCount() {
        assertThatThrownBy(() -> command.run(command.options().parse(List.of("--out", "x")), new CapturedTerminal().terminal()))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> command.run(command.options().parse(List.of("--count", "0", "--out", "x")), new CapturedTerminal().terminal()))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> command.run(command.options().parse(List.of("--count", "1", "--out", "x", "--seed", "abc")),
                new CapturedTerminal().terminal())).isInstanceOf(UsageException.class);
    }
}
