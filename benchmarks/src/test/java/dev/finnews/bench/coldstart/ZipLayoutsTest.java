package dev.finnews.bench.coldstart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ZipLayoutsTest {
    private static final String SERVICE = "META-INF/services/example.Provider";

    @TempDir
    Path dir;

    @Test
    void deflatedKeepsEveryJarEntryByteForByteCompressed() throws IOException {
        Path lambda = lambdaZip();
        Path deflated = dir.resolve("deflated.zip");

        ZipLayouts.deflated(lambda, deflated);

        try (ZipFile zip = new ZipFile(deflated.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName)).containsExactly("lib/", "lib/a-1.jar", "lib/b-1.jar", "lib/c-1.jar");
            try (ZipInputStream jar = new ZipInputStream(zip.getInputStream(zip.getEntry("lib/a-1.jar")))) {
                Map<String, String> entries = new LinkedHashMap<>();
                for (ZipEntry e = jar.getNextEntry(); e != null; e = jar.getNextEntry()) {
                    assertThat(e.getMethod()).as(e.getName()).isEqualTo(ZipEntry.DEFLATED);
                    entries.put(e.getName(), new String(jar.readAllBytes(), StandardCharsets.UTF_8));
                }
                assertThat(entries).containsExactly(Map.entry("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"),
                        Map.entry(SERVICE, "a.Impl\n"), Map.entry("a/A.class", "class a ".repeat(50)));
            }
        }
    }

    @Test
    void explodedPutsClassesAtTheRootAndMergesServiceFiles() throws IOException {
        Path exploded = dir.resolve("exploded.zip");

        ZipLayouts.exploded(lambdaZip(), exploded);

        try (ZipFile zip = new ZipFile(exploded.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName)).containsExactlyInAnyOrder("a/A.class", "b/B.class", "shared.txt", SERVICE);
            assertThat(read(zip, SERVICE)).isEqualTo("a.Impl\nb.Impl\n");
            assertThat(read(zip, "shared.txt")).as("the first copy of a duplicate wins").isEqualTo("from b");
        }
    }

    /** lib/a-1.jar, lib/b-1.jar and lib/c-1.jar with stored entries, as the build ships them; a and b hold a service file, b and c a shared.txt. */
    private Path lambdaZip() throws IOException {
        Path zip = dir.resolve("function.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("lib/"));
            out.closeEntry();
            put(out, "lib/a-1.jar", jar(Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n", "a/A.class", "class a ".repeat(50),
                    SERVICE, "a.Impl\n")));
            put(out, "lib/b-1.jar", jar(Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n", "b/B.class", "class b",
                    SERVICE, "b.Impl", "shared.txt", "from b")));
            put(out, "lib/c-1.jar", jar(Map.of("shared.txt", "from c")));
        }
        return zip;
    }

    private static byte[] jar(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String name : new java.util.TreeMap<>(entries).keySet()) {
                byte[] content = entries.get(name).getBytes(StandardCharsets.UTF_8);
                CRC32 crc = new CRC32();
                crc.update(content);
                ZipEntry stored = new ZipEntry(name);
                stored.setMethod(ZipEntry.STORED);
                stored.setSize(content.length);
                stored.setCrc(crc.getValue());
                out.putNextEntry(stored);
                out.write(content);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
    }

    private static String read(ZipFile zip, String name) throws IOException {
        return new String(zip.getInputStream(zip.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
    }
}
