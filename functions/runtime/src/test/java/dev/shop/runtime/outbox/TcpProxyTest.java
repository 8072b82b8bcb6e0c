package dev.shop.runtime.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outage tests rely on the proxy: it must forward, refuse while stopped and cut open connections. */
class TcpProxyTest {

    ServerSocket echo;
    TcpProxy proxy;

    @BeforeEach
    void startEchoServer() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("echo").start(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket socket = echo.accept();
                    Thread.ofPlatform().daemon().start(() -> {
                        try (socket) {
                            socket.getInputStream().transferTo(socket.getOutputStream());
                        } catch (IOException ignored) {
                            // client went away
                        }
                    });
                } catch (IOException closed) {
                    return;
                }
            }
        });
        proxy = TcpProxy.forwardingTo("127.0.0.1:" + echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.stop();
        echo.close();
    }

    @Test
    void forwardsBytesBothWays() throws IOException {
        proxy.start();

        try (Socket client = new Socket("127.0.0.1", proxy.port())) {
            assertThat(roundTrip(client, "hello through the proxy")).isEqualTo("hello through the proxy");
        }
        assertThat(proxy.acceptedConnections()).isEqualTo(1);
    }

    @Test
    void refusesConnectionsUntilStarted() {
        assertThatThrownBy(() -> new Socket("127.0.0.1", proxy.port()).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void stopCutsOpenConnectionsAndRefusesNewOnes() throws IOException {
        proxy.start();
        try (Socket client = new Socket("127.0.0.1", proxy.port())) {
            assertThat(roundTrip(client, "ping")).isEqualTo("ping");

            proxy.stop();

            client.setSoTimeout(10_000);
            assertThat(readOrReset(client.getInputStream())).isEqualTo(-1);
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", proxy.port()).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void listensOnTheSamePortAfterARestart() throws IOException {
        proxy.start();
        int port = proxy.port();
        proxy.stop();

        proxy.start();

        assertThat(proxy.port()).isEqualTo(port);
        try (Socket client = new Socket("127.0.0.1", port)) {
            assertThat(roundTrip(client, "again")).isEqualTo("again");
        }
    }

    private static String roundTrip(Socket client, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        client.getOutputStream().write(bytes);
        client.getOutputStream().flush();
        client.setSoTimeout(10_000);
        return new String(client.getInputStream().readNBytes(bytes.length), StandardCharsets.UTF_8);
    }

    /** -1 for an orderly close or a reset: either way the connection is gone. */
    private static int readOrReset(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketException reset) {
            return -1;
        }
    }
}
