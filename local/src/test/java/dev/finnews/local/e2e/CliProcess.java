package dev.finnews.local.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The built {@code finnews.jar} run as a separate process: standard output kept line by line, standard error in a file. */
final class CliProcess {
    private final Process process;
    private final Path stderr;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private CliProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    stdout.add(line);
                }
            } catch (IOException closed) {
                // the process ended
            }
        }, "cli-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static Path jar() {
        String configured = System.getProperty("finnews.jar");
        Path jar = configured != null ? Path.of(configured) : Path.of("target/finnews.jar");
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("the CLI jar is missing at " + jar.toAbsolutePath() + " (built by mvn package)");
        }
        return jar;
    }

    static CliProcess start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile("finnews-cli-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().putAll(env);
        return new CliProcess(builder.start(), stderr);
    }

    /** Runs a command to its end (bounded) and returns its status and output. */
    static Result run(Map<String, String> env, Duration timeout, String... args) throws Exception {
        CliProcess cli = start(env, args);
        if (!cli.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            cli.process.destroyForcibly();
            throw new AssertionError("finnews " + String.join(" ", args) + " did not finish within " + timeout
                    + "; stderr:\n" + cli.stderr());
        }
        cli.reader.join(TimeUnit.SECONDS.toMillis(5));
        return new Result(cli.process.exitValue(), String.join("\n", cli.stdout), cli.stderr());
    }

    record Result(int status, String stdout, String stderr) {
    }

    /** Waits (bounded) for a line of standard output that matches. */
    String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : stdout) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("finnews exited with " + process.exitValue() + "; stdout:\n"
                        + String.join("\n", stdout) + "\nstderr:\n" + stderr());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such line within " + timeout + "; stdout:\n" + String.join("\n", stdout)
                + "\nstderr:\n" + stderr());
    }

    List<String> stdout() {
        return List.copyOf(stdout);
    }

    String stderr() {
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    Process process() {
        return process;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
