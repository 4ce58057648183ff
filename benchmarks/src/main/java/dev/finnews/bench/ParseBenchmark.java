package dev.finnews.bench;

import dev.finnews.article.Limits;
import dev.finnews.generator.CorpusGenerator;
import dev.finnews.parser.ArticleParser;
import dev.finnews.parser.ParseException;
import org.jsoup.Jsoup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Full parse of a whole corpus per operation, against a bare {@code Jsoup.parse} of the same bytes in
 * the same run (the baseline). {@code corpus=dev} reads {@code ../shared/corpus/dev}; {@code generated}
 * uses {@link CorpusGenerator} (seed 1).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ParseBenchmark {
    @Param({"dev", "generated"})
    public String corpus;

    @Param({"500"})
    public int generatedFiles;

    private final List<String> names = new ArrayList<>();
    private final List<byte[]> contents = new ArrayList<>();
    private ArticleParser parser;

    @Setup
    public void load() throws IOException {
        parser = new ArticleParser(Limits.DEFAULT_MAX_BYTES);
        if (corpus.equals("dev")) {
            try (Stream<Path> files = Files.list(CorpusFiles.devDir())) {
                for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                    names.add(p.getFileName().toString());
                    contents.add(Files.readAllBytes(p));
                }
            }
        } else {
            CorpusGenerator generator = new CorpusGenerator(1);
            for (int i = 0; i < generatedFiles; i++) {
                CorpusGenerator.GeneratedFile f = generator.file(i);
                names.add(f.name());
                contents.add(f.content());
            }
        }
    }

    @Benchmark
    public void fullParse(Blackhole bh) {
        for (int i = 0; i < contents.size(); i++) {
            try {
                bh.consume(parser.parse(contents.get(i), "articles", names.get(i)));
            } catch (ParseException e) {
                bh.consume(e.code());
            }
        }
    }

    @Benchmark
    public void jsoupBaseline(Blackhole bh) {
        for (byte[] content : contents) {
            bh.consume(Jsoup.parse(new String(content, StandardCharsets.UTF_8)));
        }
    }

    /** Files and bytes per operation, for turning ms/op into articles/s and MB/s. */
    public int files() {
        return contents.size();
    }

    public long bytes() {
        return contents.stream().mapToLong(c -> c.length).sum();
    }
}
