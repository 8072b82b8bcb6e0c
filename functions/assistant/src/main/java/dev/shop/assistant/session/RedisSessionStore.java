package dev.shop.assistant.session;

import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.assistant.parser.SessionContext;
import dev.shop.runtime.redis.RedisConnection;
import io.lettuce.core.SetArgs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sessions as JSON under {@code assistant:session:<id>}, expiring after a quiet period (30 minutes by default). */
public class RedisSessionStore implements SessionStore {

    public static final String PREFIX = "assistant:session:";
    private static final Logger log = LoggerFactory.getLogger(RedisSessionStore.class);

    private final RedisConnection redis;
    private final ObjectMapper mapper;
    private final Duration ttl;

    public RedisSessionStore(RedisConnection redis, ObjectMapper mapper, Duration ttl) {
        this.redis = redis;
        this.mapper = mapper;
        this.ttl = ttl;
    }

    @Override
    public SessionContext load(String sessionId) {
        String json = redis.sync().get(PREFIX + sessionId);
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
            redis.sync().set(PREFIX + sessionId, mapper.writeValueAsString(context),
                    SetArgs.Builder.px(ttl.toMillis()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("session could not be written", e);
        }
    }
}
