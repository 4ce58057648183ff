package dev.finnews.infrastructure;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the repository these tests check (the build passes its root as {@code finnews.repo.dir}). */
final class Repo {
    private Repo() {
    }

    static Path root() {
        String configured = System.getProperty("finnews.repo.dir");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no template.yaml above " + start);
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    /** Where a test may write: this module's target directory. */
    static Path workDir(String name) {
        return root().resolve("infrastructure/target").resolve(name);
    }
}
