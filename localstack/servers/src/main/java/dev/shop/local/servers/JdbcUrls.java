package dev.shop.local.servers;

/** Rewrites the database part of a PostgreSQL JDBC URL, keeping hosts and parameters. */
final class JdbcUrls {

    private static final String PREFIX = "jdbc:postgresql:";

    private JdbcUrls() {
    }

    /**
     * {@code jdbc:postgresql://h:1/admin?ssl=true} with {@code orders} gives {@code jdbc:postgresql://h:1/orders?ssl=true};
     * the host-less forms {@code jdbc:postgresql:admin} and {@code jdbc:postgresql:} work too.
     */
    static String withDatabase(String jdbcUrl, String database) {
        if (!jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + Secrets.mask(jdbcUrl));
        }
        String rest = jdbcUrl.substring(PREFIX.length());
        int queryStart = rest.indexOf('?');
        String query = queryStart >= 0 ? rest.substring(queryStart) : "";
        String location = queryStart >= 0 ? rest.substring(0, queryStart) : rest;
        if (location.startsWith("//")) {
            int pathStart = location.indexOf('/', 2);
            String hosts = pathStart >= 0 ? location.substring(0, pathStart) : location;
            return PREFIX + hosts + "/" + database + query;
        }
        return PREFIX + database + query;
    }
}
