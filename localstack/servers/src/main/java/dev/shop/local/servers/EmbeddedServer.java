package dev.shop.local.servers;

/** A server this module started and therefore has to stop. */
sealed interface EmbeddedServer permits EmbeddedPostgresServer, EmbeddedRedisServer, EmbeddedKafkaServer {

    String name();

    /** host:port it listens on, for the progress line. */
    String address();

    /** True for a server in this JVM's own threads, which cannot outlive it. */
    default boolean inProcess() {
        return false;
    }

    void stop() throws Exception;
}
