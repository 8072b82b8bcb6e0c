package dev.shop.assistant.session;

import dev.shop.assistant.parser.SessionContext;

/** Where conversations are kept between requests. */
public interface SessionStore {

    SessionContext load(String sessionId);

    void save(String sessionId, SessionContext context);
}
