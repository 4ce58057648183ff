package dev.finnews.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real article files in {@code ../shared/corpus/dev}, read in place (never copied into the
 * project). Where the corpus is missing the calling test fails in CI ({@code CI=true}) and is
 * skipped elsewhere.
 */
public final class Corpus {
    private Corpus() {
    }

    public static Path devDir() {
        String configured = System.getProperty("finnews.corpus.dir");
        Path dir = (configured != null ? Path.of(configured) : Path.of("../shared/corpus")).resolve("dev").normalize();
        if (!Files.isDirectory(dir)) {
            String message = "the real corpus is missing at " + dir.toAbsolutePath()
                    + " (expected ../shared/corpus/dev beside the clone)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        return dir;
    }

    /** The bytes of every file of the dev corpus, in {@link #devFiles()} order. */
    public static List<byte[]> devContents() {
        return devFiles().stream().map(p -> {
            try {
                return Files.readAllBytes(p);
            } catch (IOException e) {
                throw new AssertionError("cannot read " + p, e);
            }
        }).toList();
    }

    /** Every file of the dev corpus, sorted by name. */
    public static List<Path> devFiles() {
        try (Stream<Path> files = Files.list(devDir())) {
            List<Path> all = files.filter(Files::isRegularFile).sorted().toList();
            if (all.isEmpty()) {
                throw new AssertionError("the corpus at " + devDir() + " holds no files");
            }
            return all;
        } catch (IOException e) {
            throw new AssertionError("cannot list the corpus", e);
        }
    }
}
