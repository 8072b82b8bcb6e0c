package dev.shop.local.servers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports on 127.0.0.1 for the servers this project starts, taken below the kernel's ephemeral range
 * (32768 and up on Linux). The servers start side by side: a port probed free and released there could be
 * handed to another bind of port 0 (the Kafka broker's, a client's) before the server binds it, and the
 * server's readiness probe would then talk to the wrong process. Below that range only explicit binds land.
 */
final class LoopbackPorts {

    private static final int FIRST = 20_000;
    private static final int LAST = 32_000;
    private static final int ATTEMPTS = 50;

    private LoopbackPorts() {
    }

    static int free() throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST);
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return probe.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port on 127.0.0.1 between " + FIRST + " and " + LAST);
    }
}
