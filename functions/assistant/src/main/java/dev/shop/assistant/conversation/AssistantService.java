package dev.shop.assistant.conversation;

import dev.shop.assistant.domain.ParseIntent;
import dev.shop.assistant.parser.IntentParser;
import dev.shop.assistant.parser.ParseResult;
import dev.shop.assistant.parser.SessionContext;
import dev.shop.assistant.session.SessionStore;

/** parseIntent's rule: load the session, parse, keep the session. */
public class AssistantService {

    private final IntentParser parser;
    private final SessionStore sessions;
    private final Runnable beforeParse;

    public AssistantService(IntentParser parser, SessionStore sessions) {
        this(parser, sessions, () -> { });
    }

    /** @param beforeParse runs before every parse, e.g. filling an empty index ({@code CatalogWarmUp}) */
    public AssistantService(IntentParser parser, SessionStore sessions, Runnable beforeParse) {
        this.parser = parser;
        this.sessions = sessions;
        this.beforeParse = beforeParse;
    }

    public ParseResult parse(ParseIntent command) {
        beforeParse.run();
        String sessionId = command.sessionId() == null || command.sessionId().isBlank() ? null : command.sessionId();
        SessionContext session = sessionId == null ? new SessionContext() : sessions.load(sessionId);
        ParseResult result = parser.parse(command.text(), session);
        if (sessionId != null) {
            sessions.save(sessionId, session);
        }
        return result;
    }

    public SessionContext session(String sessionId) {
        return sessions.load(sessionId);
    }

    public void save(String sessionId, SessionContext context) {
        sessions.save(sessionId, context);
    }
}
