package dev.shop.local.servers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Spring properties that point a function module at running servers. The local stack and the tests
 * both use this, so a function runs the same way in either.
 */
public final class FunctionProperties {

    private FunctionProperties() {
    }

    public static Map<String, Object> of(ServerEndpoints servers, String jdbcUrl, String adminToken) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl);
        if (servers.dbUser() != null) {
            properties.put("spring.datasource.username", servers.dbUser());
        }
        if (servers.dbPassword() != null) {
            properties.put("spring.datasource.password", servers.dbPassword());
        }
        properties.put("shop.redis.uri", servers.redisUri());
        properties.put("shop.kafka.bootstrap", servers.kafkaBootstrap());
        properties.put("spring.cloud.stream.kafka.binder.brokers", servers.kafkaBootstrap());
        if (adminToken != null) {
            properties.put("shop.admin-token", adminToken);
        }
        return properties;
    }
}
