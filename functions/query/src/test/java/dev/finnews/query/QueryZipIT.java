package dev.finnews.query;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The Lambda zip ({@code package} runs before Failsafe) holds the query function's runtime and nothing heavier. */
class QueryZipIT {

    @Test
    void holdsOnlyWhatTheQueryFunctionRuns() throws IOException {
        Path zip = Path.of("target/query.zip");
        assertThat(zip).exists();
        List<String> jars;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            jars = Collections.list(z.entries()).stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName).toList();
        }
        assertThat(jars).allMatch(name -> name.startsWith("lib/") && name.endsWith(".jar"), "every entry is a jar under lib/");
        assertThat(jars).anyMatch(j -> j.startsWith("lib/query-")).anyMatch(j -> j.startsWith("lib/article-store-"))
                .anyMatch(j -> j.startsWith("lib/dynamodb-")).anyMatch(j -> j.startsWith("lib/url-connection-client-"));
        // No S3, no other HTTP client, no server, nothing of the ingest side.
        assertThat(jars).noneMatch(j -> j.matches("lib/(s3|s3-transfer-manager|apache-client|apache5-client|netty-nio-client"
                + "|httpclient5?|httpcore5?|netty-.*|jetty-.*|undertow-.*|ingest|article-parser|jsoup|test-support|moto.*)-\\d.*"));
        assertThat(Files.size(zip)).as("zip bytes").isLessThan(20L * 1024 * 1024);
    }
}
