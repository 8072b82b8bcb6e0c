package dev.shop.local.servers;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Which servers the user runs themselves. A null field means "start an embedded one".
 *
 * @param dbUrl          JDBC URL ({@code jdbc:postgresql:...}) of a database the user may create databases from
 * @param dbUser         user for {@code dbUrl}; ignored without it
 * @param dbPassword     password for {@code dbUrl}; ignored without it
 * @param redisUrl       {@code redis://host:port} (or {@code rediss://})
 * @param kafkaBootstrap Kafka {@code bootstrap.servers}, e.g. {@code localhost:9092}
 */
public record ServerSettings(String dbUrl, String dbUser, String dbPassword, String redisUrl,
                             String kafkaBootstrap) {

    public static final String DB_URL = "SHOP_DB_URL";
    public static final String DB_USER = "SHOP_DB_USER";
    public static final String DB_PASSWORD = "SHOP_DB_PASSWORD";
    public static final String REDIS_URL = "SHOP_REDIS_URL";
    public static final String KAFKA_BOOTSTRAP = "SHOP_KAFKA_BOOTSTRAP";

    public ServerSettings {
        dbUrl = blankToNull(dbUrl);
        dbUser = blankToNull(dbUser);
        // An empty password is a real value for a configured database; only null means unset.
        redisUrl = blankToNull(redisUrl);
        kafkaBootstrap = blankToNull(kafkaBootstrap);
        // Fail at startup with the variable's name rather than later with a driver's puzzle.
        if (dbUrl != null && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(DB_URL + " must be a jdbc:postgresql: URL, got " + Secrets.mask(dbUrl));
        }
        if (redisUrl != null && !(redisUrl.startsWith("redis://") || redisUrl.startsWith("rediss://"))) {
            throw new IllegalArgumentException(REDIS_URL + " must be a redis:// URL, got " + Secrets.mask(redisUrl));
        }
        if (kafkaBootstrap != null && !kafkaBootstrap.contains(":")) {
            throw new IllegalArgumentException(KAFKA_BOOTSTRAP + " must be host:port[,host:port], got " + kafkaBootstrap);
        }
    }

    /** Everything embedded. */
    public static ServerSettings embedded() {
        return new ServerSettings(null, null, null, null, null);
    }

    /**
     * Reads {@code SHOP_DB_URL}, {@code SHOP_DB_USER}, {@code SHOP_DB_PASSWORD}, {@code SHOP_REDIS_URL} and
     * {@code SHOP_KAFKA_BOOTSTRAP}; the system properties {@code shop.db.url} etc. win over the environment so
     * that a test can point at servers without touching the process environment.
     */
    public static ServerSettings fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    static ServerSettings from(Map<String, String> environment, Properties systemProperties) {
        return new ServerSettings(
                lookup(DB_URL, environment, systemProperties),
                lookup(DB_USER, environment, systemProperties),
                lookup(DB_PASSWORD, environment, systemProperties),
                lookup(REDIS_URL, environment, systemProperties),
                lookup(KAFKA_BOOTSTRAP, environment, systemProperties));
    }

    /** {@code SHOP_DB_URL} is also read as the system property {@code shop.db.url}. */
    static String propertyName(String environmentName) {
        return environmentName.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    public boolean postgresConfigured() {
        return dbUrl != null;
    }

    public boolean redisConfigured() {
        return redisUrl != null;
    }

    public boolean kafkaConfigured() {
        return kafkaBootstrap != null;
    }

    private static String lookup(String environmentName, Map<String, String> environment, Properties systemProperties) {
        String property = systemProperties.getProperty(propertyName(environmentName));
        return property != null ? property : environment.get(environmentName);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "ServerSettings[dbUrl=" + Secrets.mask(dbUrl) + ", dbUser=" + dbUser
                + ", redisUrl=" + Secrets.mask(redisUrl) + ", kafkaBootstrap=" + kafkaBootstrap + "]";
    }
}
