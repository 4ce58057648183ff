package dev.finnews.infrastructure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the function zips package, held to the review in {@code docs/dependencies.md}: the jars listed
 * there and no others, each one used, each one stored uncompressed, every version pinned in the parent POM.
 */
class PackagedDependenciesIT {
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([^`]+\\.jar)` \\|\\s*(✓?)\\s*\\|\\s*(✓?)\\s*\\|", Pattern.MULTILINE);
    private static final Pattern JDEPS_EDGE = Pattern.compile("^(\\S+\\.jar) -> (?:.*/)?(\\S+\\.jar)$", Pattern.MULTILINE);

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "query"})
    void theZipHoldsExactlyTheJarsTheReviewLists(String function) throws IOException {
        assertThat(jarsIn(function)).containsExactlyInAnyOrderElementsOf(reviewedJars().get(function));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "query"})
    void everyJarHoldsItsEntriesUncompressed(String function) throws IOException {
        try (ZipFile zip = new ZipFile(zipOf(function).toFile())) {
            for (ZipEntry jar : Collections.list(zip.entries())) {
                if (jar.isDirectory()) {
                    continue;
                }
                assertThat(jar.getName()).as("every file is a jar under lib/").matches("lib/[^/]+\\.jar");
                try (ZipInputStream in = new ZipInputStream(zip.getInputStream(jar))) {
                    for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                        assertThat(e.getMethod()).as("%s in %s", e.getName(), jar.getName()).isEqualTo(ZipEntry.STORED);
                    }
                }
            }
        }
    }

    /** jdeps follows class references from the function's own jar; a jar it never reaches is one the function does not use. */
    @ParameterizedTest
    @ValueSource(strings = {"ingest", "query"})
    void everyJarIsReachedFromTheFunctionsClasses(String function) throws IOException {
        Path lib = Repo.workDir("packaged-dependencies/" + function);
        List<Path> jars;
        try (LambdaZip zip = LambdaZip.open(zipOf(function), lib)) {
            jars = zip.jars();
        }
        String own = jars.stream().map(p -> p.getFileName().toString()).filter(n -> n.startsWith(function + "-")).findFirst().orElseThrow();
        String classPath = jars.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));

        String edges = jdeps("--multi-release", "17", "-summary", "-recursive", "--class-path", classPath, lib.resolve(own).toString());

        Map<String, Set<String>> references = new HashMap<>();
        Matcher m = JDEPS_EDGE.matcher(edges);
        while (m.find()) {
            references.computeIfAbsent(m.group(1), k -> new HashSet<>()).add(m.group(2));
        }
        assertThat(references).as("jdeps output:%n%s", edges).containsKey(own);
        Set<String> reached = new TreeSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(own));
        while (!next.isEmpty()) {
            String jar = next.pop();
            if (reached.add(jar)) {
                next.addAll(references.getOrDefault(jar, Set.of()));
            }
        }
        assertThat(reached).containsExactlyInAnyOrderElementsOf(jarsIn(function));
    }

    @Test
    void everyVersionIsPinnedInTheParentPom() throws Exception {
        List<Path> modulePoms;
        try (Stream<Path> poms = Files.walk(Repo.root(), 3)) {
            modulePoms = poms.filter(p -> p.getFileName().toString().equals("pom.xml") && !p.getParent().equals(Repo.root()))
                    .filter(p -> !p.toString().contains("/target/")).toList();
        }
        assertThat(modulePoms).hasSizeGreaterThanOrEqualTo(10);
        for (Path pom : modulePoms) {
            for (Element dependency : elements(read(pom), "dependency", "plugin")) {
                String version = childText(dependency, "version");
                String group = childText(dependency, "groupId");
                if (version != null) {
                    assertThat(group).as("%s: %s gives its own version %s", Repo.root().relativize(pom),
                            childText(dependency, "artifactId"), version).isEqualTo("dev.finnews");
                    assertThat(version).isEqualTo("${project.version}");
                }
            }
        }
        Document parent = read(Repo.path("pom.xml"));
        Map<String, String> properties = new HashMap<>();
        for (Element p : elements(parent, "properties")) {
            NodeList children = p.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i) instanceof Element e) {
                    properties.put(e.getTagName(), e.getTextContent().trim());
                }
            }
        }
        for (Element managed : elements(parent, "dependency", "plugin")) {
            String version = childText(managed, "version");
            String artifact = childText(managed, "artifactId");
            if (version == null || "dev.finnews".equals(childText(managed, "groupId"))) {
                continue;
            }
            String resolved = version.startsWith("${") ? properties.get(version.substring(2, version.length() - 1)) : version;
            assertThat(resolved).as("%s version %s", artifact, version).isNotNull()
                    .matches("\\d+(\\.\\d+)*([.-][A-Za-z0-9]+)*").doesNotContain("SNAPSHOT");
        }
    }

    private static Map<String, List<String>> reviewedJars() throws IOException {
        Map<String, List<String>> jars = Map.of("ingest", new ArrayList<>(), "query", new ArrayList<>());
        Matcher row = TABLE_ROW.matcher(Files.readString(Repo.path("docs/dependencies.md")));
        while (row.find()) {
            if (!row.group(2).isEmpty()) {
                jars.get("ingest").add(row.group(1));
            }
            if (!row.group(3).isEmpty()) {
                jars.get("query").add(row.group(1));
            }
        }
        assertThat(jars.get("ingest")).as("rows read from docs/dependencies.md").isNotEmpty();
        return jars;
    }

    private static Path zipOf(String function) {
        Path zip = Repo.path("functions/" + function + "/target/" + function + ".zip");
        assertThat(zip).as("build it with ./mvnw package").isRegularFile();
        return zip;
    }

    private static List<String> jarsIn(String function) throws IOException {
        try (ZipFile zip = new ZipFile(zipOf(function).toFile())) {
            return zip.stream().filter(e -> !e.isDirectory()).map(e -> Path.of(e.getName()).getFileName().toString()).toList();
        }
    }

    private static String jdeps(String... args) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("the JDK's jdeps tool is missing"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(status).as("jdeps failed: %s", err).isZero();
        return out.toString();
    }

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(pom)));
    }

    private static List<Element> elements(Document doc, String... tags) {
        List<Element> found = new ArrayList<>();
        for (String tag : tags) {
            NodeList nodes = doc.getElementsByTagName(tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                found.add((Element) nodes.item(i));
            }
        }
        return found;
    }

    private static String childText(Element parent, String tag) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }
}
