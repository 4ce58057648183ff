package dev.finnews.local.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ./finnews} launcher, run by bash in a scratch copy of the repository layout whose
 * {@code mvnw} only records that it was called (and, when asked to, "builds" by copying the real
 * jar), so the rebuild rules are checked without a real build.
 */
class LauncherIT {
    @TempDir
    Path repo;
    private Path jar;
    private Path calls;

    @BeforeEach
    void scratchRepository() throws IOException {
        Path real = Path.of(System.getProperty("finnews.home", "..")).toAbsolutePath().normalize();
        Files.copy(real.resolve("finnews"), repo.resolve("finnews"));
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Files.createDirectories(repo.resolve("local/src/main/java"));
        Files.writeString(repo.resolve("local/src/main/java/Main.java"), "class Main {}");
        Files.createDirectories(repo.resolve("local/target"));
        jar = repo.resolve("local/target/finnews.jar");
        calls = repo.resolve("mvnw-calls");
        fakeMaven("cp '" + CliProcess.jar().toAbsolutePath() + "' local/target/finnews.jar");
    }

    @Test
    void aMissingJarIsBuiltQuietlyThenTheCommandRuns() throws Exception {
        Result r = launch(Map.of(), "parse", "--help");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Files.readString(calls)).isEqualTo("-B -q -DskipTests install -pl local -am\n");
        assertThat(r.out()).contains("usage: finnews parse");
        assertThat(r.err()).contains("building the command-line tool (jar missing)");
    }

    @Test
    void aJarNewerThanEverySourceIsUsedAsItIs() throws Exception {
        Files.copy(CliProcess.jar(), jar);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));

        Result r = launch(Map.of(), "--help");

        assertThat(r.status()).isZero();
        assertThat(calls).doesNotExist();
        assertThat(r.out()).contains("parse", "up", "invoke", "backfill", "redrive");
    }

    @Test
    void aSourceNewerThanTheJarTriggersARebuild() throws Exception {
        Files.copy(CliProcess.jar(), jar);
        Files.setLastModifiedTime(repo.resolve("pom.xml"), FileTime.from(Instant.now().minusSeconds(120)));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));

        Result r = launch(Map.of(), "--help");

        assertThat(r.status()).isZero();
        assertThat(calls).exists();
        assertThat(r.err()).contains("older than local/src/main/java/Main.java");
    }

    @Test
    void insideAMavenBuildItNeverBuilds() throws Exception {
        Result missing = launch(Map.of("MAVEN_PROJECTBASEDIR", repo.toString()), "--help");
        Files.copy(CliProcess.jar(), jar);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        Result stale = launch(Map.of("MAVEN_CMD_LINE_ARGS", "verify"), "--help");

        assertThat(calls).doesNotExist();
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("inside a Maven build", "build first");
        assertThat(stale.status()).isZero();
        assertThat(stale.err()).contains("warning", "not rebuilding inside a Maven build");
    }

    @Test
    void aFailedBuildShowsTheEndOfItsLog() throws Exception {
        fakeMaven("echo '[ERROR] COMPILATION ERROR in Main.java'; exit 1");

        Result r = launch(Map.of(), "--help");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("the build failed", "[ERROR] COMPILATION ERROR in Main.java");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void itWorksFromAnyDirectoryAndPassesTheExitStatusThrough() throws Exception {
        Files.copy(CliProcess.jar(), jar);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));

        Result r = launch(Map.of(), "parse", "no-such-file.md");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("\"file\":\"no-such-file.md\"", "UNREADABLE");
    }

    private void fakeMaven(String build) throws IOException {
        Path mvnw = repo.resolve("mvnw");
        Files.writeString(mvnw, "#!/usr/bin/env bash\necho \"$*\" >> '" + calls + "'\n" + build + "\n");
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Result(int status, String out, String err) {
    }

    /** Runs {@code bash REPO/finnews args} from an unrelated directory, with the Maven variables of this JVM removed. */
    private Result launch(Map<String, String> env, String... args) throws Exception {
        Path elsewhere = Files.createTempDirectory("cwd");
        Path out = elsewhere.resolve("out");
        Path err = elsewhere.resolve("err");
        ProcessBuilder builder = new ProcessBuilder(concat(List.of("bash", repo.resolve("finnews").toString()), args))
                .directory(elsewhere.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("MAVEN_CMD_LINE_ARGS");
        builder.environment().remove("MAVEN_PROJECTBASEDIR");
        builder.environment().putAll(env);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not finish within 60 s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static List<String> concat(List<String> head, String... tail) {
        return Stream.concat(head.stream(), Arrays.stream(tail)).toList();
    }
}
