package dev.finnews.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One moto server (S3, DynamoDB, SQS, CloudFormation… on a single endpoint) per test JVM, on
 * 127.0.0.1 and a free port. Started on first use, stopped when the JVM exits. Tests isolate
 * themselves with their own bucket and table names or with {@link #reset()}.
 */
public final class MotoServer {
    private static MotoServer instance;

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** The running server, started on first call. Fails with a clear message when moto is not installed. */
    public static synchronized MotoServer get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "moto-stop"));
        }
        return instance;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Forgets every bucket, table and queue. */
    public void reset() {
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/moto-api/reset").toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.getOutputStream().close();
            if (c.getResponseCode() != 200) {
                throw new IllegalStateException("moto reset answered " + c.getResponseCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto reset failed", e);
        }
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static MotoServer start() {
        int port = freePort();
        List<String> command = new ArrayList<>();
        try {
            command.addAll(motoCommand());
            command.addAll(List.of("-H", "127.0.0.1", "-p", Integer.toString(port)));
            Path log = Files.createTempFile("moto-", ".log");
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            awaitReady(p, endpoint, log, Duration.ofSeconds(60));
            return new MotoServer(p, endpoint);
        } catch (IOException e) {
            throw new IllegalStateException("could not start moto (" + String.join(" ", command) + "): " + e.getMessage()
                    + ". Install it with: pip install 'moto[server]'", e);
        }
    }

    /** moto's server through {@code moto_server.py}, which keeps transactions from copying a table per action. */
    private static List<String> motoCommand() throws IOException {
        Path script = Files.createTempFile("finnews-moto-", ".py");
        script.toFile().deleteOnExit();
        try (var in = MotoServer.class.getResourceAsStream("moto_server.py")) {
            Files.write(script, in.readAllBytes());
        }
        return List.of("python3", script.toString());
    }

    private static void awaitReady(Process p, URI endpoint, Path log, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("moto exited with " + p.exitValue() + ":\n" + Files.readString(log)
                        + "\nInstall it with: pip install 'moto[server]'");
            }
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/moto-api/data.json").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("moto did not answer on " + endpoint + " within " + timeout);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
