package dev.finnews.local.up;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

/** Small network checks made before starting anything. */
final class Endpoints {
    private Endpoints() {
    }

    /** True when something answers HTTP at {@code endpoint} (any status). */
    static boolean answers(URI endpoint) {
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/").toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(3000);
            try {
                return c.getResponseCode() > 0;
            } finally {
                c.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    /** True when nothing listens on 127.0.0.1:{@code port}. */
    static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    /** A port nothing listens on right now, for {@code --aws-port 0}. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1", e);
        }
    }
}
