package dev.shop.assistant.session;

import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.assistant.parser.SessionContext;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sessions as JSON under {@code assistant:session:<id>}, expiring after a quiet period (30 minutes by default). */
public class RedisSessionStore implements SessionStore, AutoCloseable {

    public static final String PREFIX = "assistant:session:";
    private static final Logger log = LoggerFactory.getLogger(RedisSessionStore.class);

    private final RedisClient client;
    private final ObjectMapper mapper;
    private final Duration ttl;
    private volatile StatefulRedisConnection<String, String> connection;

    public RedisSessionStore(RedisClient client, ObjectMapper mapper, Duration ttl) {
        this.client = client;
        this.mapper = mapper;
        this.ttl = ttl;
    }

    private StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> c = connection;
        if (c == null || !c.isOpen()) {
            synchronized (this) {
                if (connection == null || !connection.isOpen()) {
                    connection = client.connect();
                }
                c = connection;
            }
        }
        return c;
    }

    @Override
    public SessionContext load(String sessionId) {
        String json = connection().sync().get(PREFIX + sessionId);
        if (json == null) {
            return new SessionContext();
        }
        try {
            return mapper.readValue(json, SessionContext.class);
        } catch (JsonProcessingException e) {
            log.warn("session {} could not be read; starting a new one: {}", sessionId, e.getMessage());
            return new SessionContext();
        }
    }

    @Override
    public void save(String sessionId, SessionContext context) {
        try {
            connection().sync().set(PREFIX + sessionId, mapper.writeValueAsString(context),
                    SetArgs.Builder.px(ttl.toMillis()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("session could not be written", e);
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
    }
}
