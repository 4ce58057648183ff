package dev.finnews.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A function zip as Lambda's Java runtime sees it: the jars under {@code lib/}, loaded by a class
 * loader whose parent is the platform loader, so a class resolves only if the zip itself carries it
 * (and everything its public methods name).
 */
final class LambdaZip implements AutoCloseable {
    private final List<String> entries;
    private final List<Path> jars;
    private final URLClassLoader loader;

    private LambdaZip(List<String> entries, List<Path> jars, URLClassLoader loader) {
        this.entries = entries;
        this.jars = jars;
        this.loader = loader;
    }

    static LambdaZip open(Path zip, Path extractTo) throws IOException {
        List<String> names = new ArrayList<>();
        List<Path> jars = new ArrayList<>();
        Files.createDirectories(extractTo);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(file.entries())) {
                names.add(entry.getName());
                if (!entry.isDirectory() && entry.getName().startsWith("lib/") && entry.getName().endsWith(".jar")) {
                    Path jar = extractTo.resolve(Path.of(entry.getName()).getFileName().toString());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
                    }
                    jars.add(jar);
                }
            }
        }
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            urls.add(jar.toUri().toURL());
        }
        return new LambdaZip(List.copyOf(names), List.copyOf(jars), new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader()));
    }

    List<String> entries() {
        return entries;
    }

    /** The extracted jars, in the zip's order. */
    List<Path> jars() {
        return jars;
    }

    /** Loads a class from the zip only, without running its static initialisers. */
    Class<?> load(String className) throws ClassNotFoundException {
        return Class.forName(className, false, loader);
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }
}
