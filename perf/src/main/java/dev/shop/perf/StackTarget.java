package dev.shop.perf;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

import dev.shop.localstack.StackFile;

/**
 * The running stack a command talks to: its gateway, its database (where the metering rows and the saga's
 * history are) and its admin token. Found, in this order: options given on the command line; the variables the
 * stack itself reads ({@code SHOP_DB_URL}, {@code SHOP_DB_USER}, {@code SHOP_DB_PASSWORD}, {@code SHOP_ADMIN_TOKEN});
 * the stack file a local stack writes for its port ({@link StackFile}).
 */
public record StackTarget(URI base, String jdbcUrl, String dbUser, String dbPassword, String adminToken,
                          String redisUri, String kafkaBootstrap) {

    public static final URI DEFAULT_BASE = URI.create("http://127.0.0.1:8080");

    public static StackTarget resolve(URI base, String dbUrl, String dbUser, String dbPassword, String adminToken) {
        URI gateway = base == null ? DEFAULT_BASE : base;
        Optional<StackFile> file = isLocal(gateway) ? StackFile.read(port(gateway)) : Optional.empty();
        String url = first(dbUrl, System.getenv("SHOP_DB_URL"), file.map(StackFile::jdbcUrl).orElse(null));
        boolean fromFile = dbUrl == null && System.getenv("SHOP_DB_URL") == null;
        String user = first(dbUser, System.getenv("SHOP_DB_USER"),
                fromFile ? file.map(StackFile::dbUser).orElse(null) : null);
        String password = first(dbPassword, System.getenv("SHOP_DB_PASSWORD"),
                fromFile ? file.map(StackFile::dbPassword).orElse(null) : null);
        String token = first(adminToken, System.getenv("SHOP_ADMIN_TOKEN"),
                file.map(StackFile::adminToken).orElse(null));
        return new StackTarget(gateway, url, user, password, token, file.map(StackFile::redisUri).orElse(null),
                file.map(StackFile::kafkaBootstrap).orElse(null));
    }

    public static StackTarget of(StackFile file) {
        return new StackTarget(URI.create(file.gateway()), file.jdbcUrl(), file.dbUser(), file.dbPassword(),
                file.adminToken(), file.redisUri(), file.kafkaBootstrap());
    }

    public String requireJdbcUrl() {
        if (jdbcUrl == null) {
            throw new IllegalStateException("no database to read: start the local stack (./localstack/start, which "
                    + "records its database in " + StackFile.path(port(base)) + "), or set SHOP_DB_URL "
                    + "(and SHOP_DB_USER, SHOP_DB_PASSWORD) as for the stack, or pass --db-url");
        }
        return jdbcUrl;
    }

    /** A JDBC connection to the stack's database. */
    public Connection connect(String applicationName) throws SQLException {
        Properties properties = new Properties();
        if (dbUser != null) {
            properties.setProperty("user", dbUser);
        }
        if (dbPassword != null) {
            properties.setProperty("password", dbPassword);
        }
        properties.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(requireJdbcUrl(), properties);
    }

    static boolean isLocal(URI uri) {
        String host = uri.getHost();
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1"));
    }

    static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : 80;
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
