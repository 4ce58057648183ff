package dev.finnews.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the real corpus is: {@code -Dfinnews.corpus.dir} or {@code ../shared/corpus}, then {@code dev/}. */
final class CorpusFiles {
    private CorpusFiles() {
    }

    static Path devDir() {
        Path dir = Path.of(System.getProperty("finnews.corpus.dir", "../shared/corpus")).resolve("dev");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("corpus not found at " + dir.toAbsolutePath() + " (set -Dfinnews.corpus.dir)");
        }
        return dir;
    }
}
