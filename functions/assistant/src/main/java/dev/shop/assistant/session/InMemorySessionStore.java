package dev.shop.assistant.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.shop.assistant.parser.SessionContext;

/** Sessions in this JVM only: for tests, the benchmark and the offline evaluation. */
public class InMemorySessionStore implements SessionStore {

    private final Map<String, SessionContext> sessions = new ConcurrentHashMap<>();

    @Override
    public SessionContext load(String sessionId) {
        return sessions.computeIfAbsent(sessionId, k -> new SessionContext());
    }

    @Override
    public void save(String sessionId, SessionContext context) {
        sessions.put(sessionId, context);
    }
}
