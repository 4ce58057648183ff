package dev.finnews.local.up;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * moto's server (S3, DynamoDB, SQS on one endpoint) as a child process on 127.0.0.1: found on the
 * PATH as {@code moto_server}, else run as {@code python3 -m moto.server}. Its output goes to a log
 * file, shown when it fails to start.
 */
final class MotoProcess implements AutoCloseable {
    static final String INSTALL_HINT = "install it with: pip install 'moto[server]'";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final Process process;
    private final URI endpoint;
    private final Path log;

    private MotoProcess(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /** Starts moto on {@code port} and waits until it answers. */
    static MotoProcess start(int port, Map<String, String> env) throws StartFailure {
        List<String> command = new ArrayList<>(command(env));
        command.addAll(List.of("-H", "127.0.0.1", "-p", Integer.toString(port)));
        Path log;
        Process process;
        try {
            log = Files.createTempFile("finnews-moto-", ".log");
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new StartFailure("cannot run " + String.join(" ", command) + " (" + e.getMessage() + "): moto's server is "
                    + "needed; " + INSTALL_HINT);
        }
        MotoProcess moto = new MotoProcess(process, URI.create("http://127.0.0.1:" + port), log);
        moto.awaitReady();
        return moto;
    }

    private static List<String> command(Map<String, String> env) {
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "moto_server"))) {
                return List.of(Path.of(dir, "moto_server").toString());
            }
        }
        return List.of("python3", "-m", "moto.server");
    }

    private void awaitReady() throws StartFailure {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String output = logText();
                close();
                String hint = output.contains("No module named") || output.contains("not found")
                        ? "\nmoto's server is needed; " + INSTALL_HINT : "";
                throw new StartFailure("moto's server exited at start (status " + process.exitValue() + "):\n"
                        + output.strip() + hint);
            }
            if (Endpoints.answers(endpoint)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new StartFailure("moto's server did not answer on " + endpoint + " within " + START_TIMEOUT.toSeconds()
                + " s; its output:\n" + logText());
    }

    URI endpoint() {
        return endpoint;
    }

    Process process() {
        return process;
    }

    /** Stops moto (TERM, then KILL after a few seconds) and waits for it and its children to exit. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            for (ProcessHandle child : children) {
                child.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception stillRunning) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temp file; the OS cleans it eventually
        }
    }

    private String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
