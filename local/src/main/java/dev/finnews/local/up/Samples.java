package dev.finnews.local.up;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The sample articles in the repository's {@code samples/} folder, uploaded through the S3 API like
 * any user's files (so they travel the whole pipeline). The folder is found through
 * {@code -Dfinnews.home} (set by the {@code ./finnews} launcher), else next to the jar
 * ({@code local/target/finnews.jar} → {@code samples/}).
 */
final class Samples {
    static final String PREFIX = "samples/";

    private Samples() {
    }

    static Optional<Path> folder() {
        String home = System.getProperty("finnews.home");
        if (home != null) {
            return existing(Path.of(home, "samples"));
        }
        try {
            Path jar = Path.of(Samples.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path repository = jar.getParent() == null || jar.getParent().getParent() == null ? null
                    : jar.getParent().getParent().getParent();
            return repository == null ? Optional.empty() : existing(repository.resolve("samples"));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> existing(Path folder) {
        return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
    }

    /** Uploads every file of {@code folder} under {@link #PREFIX}; returns the keys, in name order. */
    static List<String> upload(S3Client s3, String bucket, Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            s3.putObject(r -> r.bucket(bucket).key(PREFIX + file.getFileName()).contentType("text/markdown; charset=utf-8"),
                    RequestBody.fromFile(file));
        }
        return files.stream().map(f -> PREFIX + f.getFileName()).toList();
    }
}
