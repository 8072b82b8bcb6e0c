package dev.shop.local.servers;

import java.util.concurrent.CountDownLatch;

/** Run in a child JVM by a test: starts servers, prints where, and waits to be terminated like Ctrl-C would. */
public final class TerminatedJvmProbe {

    static final String ENDPOINTS_LINE = "PROBE-ENDPOINTS ";

    private TerminatedJvmProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServerEndpoints endpoints = LocalServers.start(ServerSettings.fromEnvironment()).endpoints();
        System.out.println(ENDPOINTS_LINE + endpoints.jdbcUrl() + " " + endpoints.redisUri());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
