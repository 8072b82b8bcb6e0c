package dev.shop.local.servers;

/**
 * Where the running servers answer, whether started here or configured by the user.
 *
 * @param jdbcUrl        JDBC URL of the admin database (embedded: {@code postgres} on 127.0.0.1)
 * @param dbUser         database user; may be null for a configured URL that carries its own
 * @param dbPassword     database password; may be null likewise
 * @param redisUri       {@code redis://host:port}
 * @param kafkaBootstrap Kafka {@code bootstrap.servers}
 */
public record ServerEndpoints(String jdbcUrl, String dbUser, String dbPassword, String redisUri,
                              String kafkaBootstrap) {

    @Override
    public String toString() {
        // Endpoints end up in logs; keep passwords out of them.
        return "ServerEndpoints[jdbcUrl=" + Secrets.mask(jdbcUrl) + ", dbUser=" + dbUser
                + ", redisUri=" + Secrets.mask(redisUri) + ", kafkaBootstrap=" + kafkaBootstrap + "]";
    }
}
