package dev.finnews.bench.coldstart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Writes the shipped Lambda zips again in another layout, so that {@link ColdStartReport} can measure
 * one layout against the other in the same run ({@code -Dfinnews.root=OUT ... --before ROOT}):
 * <ul>
 *   <li>{@code deflated}: every {@code lib/*.jar} rewritten with deflated entries, as the jars are
 *       published (the build stores them uncompressed, see {@code functions/StoreJars.java});</li>
 *   <li>{@code exploded}: every jar unpacked into the zip's root, as a shaded jar deployed as the zip
 *       would be ({@code META-INF/services} files merged, manifests and {@code module-info} dropped,
 *       the first copy of any other duplicate kept).</li>
 * </ul>
 * Arguments: {@code LAYOUT ROOT OUT}; writes {@code OUT/functions/<function>/target/<function>.zip}.
 */
public final class ZipLayouts {
    private static final List<String> FUNCTIONS = List.of("ingest", "query");

    private ZipLayouts() {
    }

    public static void main(String[] args) throws IOException {
        String layout = args[0].toLowerCase(Locale.ROOT);
        Path root = Path.of(args[1]);
        Path out = Path.of(args[2]);
        for (String function : FUNCTIONS) {
            Path zip = Path.of("functions", function, "target", function + ".zip");
            Path target = out.resolve(zip);
            Files.createDirectories(target.getParent());
            switch (layout) {
                case "deflated" -> deflated(root.resolve(zip), target);
                case "exploded" -> exploded(root.resolve(zip), target);
                default -> throw new IllegalArgumentException("layout is deflated or exploded, not " + layout);
            }
            System.out.println(target);
        }
    }

    static void deflated(Path from, Path to) throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry entry : zip.stream().toList()) {
                byte[] content = zip.getInputStream(entry).readAllBytes();
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(entry.getName().endsWith(".jar") ? deflated(content) : content);
                out.closeEntry();
            }
        }
    }

    /** Rewrites a jar file in place with deflated entries. */
    static void deflate(Path jar) throws IOException {
        Files.write(jar, deflated(Files.readAllBytes(jar)));
    }

    static void exploded(Path from, Path to) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, List<String>> services = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(from.toFile())) {
            for (ZipEntry jar : zip.stream().filter(e -> e.getName().endsWith(".jar")).toList()) {
                try (ZipInputStream in = new ZipInputStream(zip.getInputStream(jar))) {
                    for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                        String name = e.getName();
                        if (e.isDirectory() || name.equals("META-INF/MANIFEST.MF") || name.endsWith("module-info.class")) {
                            continue;
                        }
                        byte[] content = in.readAllBytes();
                        if (name.startsWith("META-INF/services/")) {
                            services.computeIfAbsent(name, n -> new ArrayList<>()).add(new String(content, StandardCharsets.UTF_8).strip());
                        } else {
                            files.putIfAbsent(name, content);
                        }
                    }
                }
            }
        }
        services.forEach((name, parts) -> files.put(name, (String.join("\n", parts) + "\n").getBytes(StandardCharsets.UTF_8)));
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                out.putNextEntry(new ZipEntry(f.getKey()));
                out.write(f.getValue());
                out.closeEntry();
            }
        }
    }

    /** The same jar with every entry deflated (the entries in the same order, with their times). */
    private static byte[] deflated(byte[] jar) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(jar.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar)); ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry entry = new ZipEntry(e.getName());
                if (e.getLastModifiedTime() != null) {
                    entry.setLastModifiedTime(e.getLastModifiedTime());
                }
                out.putNextEntry(entry);
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
