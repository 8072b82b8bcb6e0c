package dev.shop.runtime.redis;

import dev.shop.runtime.config.RuntimeAutoConfiguration;
import dev.shop.runtime.crac.CracResources;
import io.lettuce.core.RedisClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/** Redis for the modules that cache or keep sessions, when {@code shop.redis.uri} names one. */
@AutoConfiguration(after = RuntimeAutoConfiguration.class)
@ConditionalOnProperty("shop.redis.uri")
public class RedisAutoConfiguration {

    @Bean(destroyMethod = "shutdown")
    public RedisClient redisClient(@Value("${shop.redis.uri}") String uri) {
        return RedisClient.create(uri);
    }

    @Bean(destroyMethod = "close")
    public RedisConnection redisConnection(RedisClient redisClient, CracResources crac) {
        RedisConnection connection = new RedisConnection(redisClient);
        crac.add(connection);
        return connection;
    }
}
