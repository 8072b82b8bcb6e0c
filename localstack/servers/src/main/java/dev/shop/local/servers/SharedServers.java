package dev.shop.local.servers;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One set of servers per JVM, started on first use from {@link ServerSettings#fromEnvironment()} and stopped by a
 * shutdown hook. Tests isolate by database ({@link #newDatabase}), Redis key prefix and Kafka topic name instead of
 * restarting servers.
 */
public final class SharedServers {

    private static final String SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int SUFFIX_LENGTH = 8;
    private static final int MAX_NAME_LENGTH = 63;

    private SharedServers() {
    }

    /** The JVM's servers; starts them on the first call. Closing the result does nothing. */
    public static LocalServers get() {
        return Holder.STARTUP.servers();
    }

    /**
     * Creates a database named {@code prefix} plus a random suffix (e.g. {@code catalog_k3x9q0ab}) and returns its JDBC
     * URL. The prefix is lower-cased and anything outside {@code [a-z0-9_]} becomes {@code _}.
     */
    public static String newDatabase(String prefix) {
        return get().createDatabase(uniqueDatabaseName(prefix));
    }

    static String uniqueDatabaseName(String prefix) {
        String cleaned = prefix == null ? "" : prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (cleaned.isEmpty() || cleaned.charAt(0) < 'a' || cleaned.charAt(0) > 'z') {
            cleaned = "db_" + cleaned;
        }
        int maxPrefixLength = MAX_NAME_LENGTH - 1 - SUFFIX_LENGTH;
        if (cleaned.length() > maxPrefixLength) {
            cleaned = cleaned.substring(0, maxPrefixLength);
        }
        StringBuilder name = new StringBuilder(cleaned).append('_');
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            name.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
        }
        return name.toString();
    }

    /** Lazy holder: the JVM runs the start exactly once, on first access, under its class-init lock. */
    private static final class Holder {
        static final Startup STARTUP = Startup.run();
    }

    /** Remembers a failed start, so every later test gets the cause instead of a second 30 s attempt. */
    private static final class Startup {

        private final LocalServers servers;
        private final RuntimeException failure;

        private Startup(LocalServers servers, RuntimeException failure) {
            this.servers = servers;
            this.failure = failure;
        }

        static Startup run() {
            try {
                return new Startup(LocalServers.startShared(ServerSettings.fromEnvironment()), null);
            } catch (RuntimeException e) {
                return new Startup(null, e);
            }
        }

        LocalServers servers() {
            if (failure != null) {
                throw new IllegalStateException("the shared local servers did not start", failure);
            }
            return servers;
        }
    }
}
