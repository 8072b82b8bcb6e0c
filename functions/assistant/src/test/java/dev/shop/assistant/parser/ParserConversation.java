package dev.shop.assistant.parser;

import java.util.List;

import dev.shop.assistant.index.ProductIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/** A conversation with the parser over the test catalog: one session per test, built on one shared index. */
abstract class ParserConversation {

    static ProductIndex index;
    IntentParser parser;
    SessionContext session;

    @BeforeAll
    static void catalog() {
        index = TestCatalog.index();
    }

    @BeforeEach
    void newSession() {
        parser = new IntentParser(index);
        session = new SessionContext();
    }

    /** What the parser plans for {@code text}; it must not ask back. */
    List<Intent> plan(String text) {
        ParseResult result = parser.parse(text, session);
        assertThat(result.needsClarification()).as("clarification for \"%s\": %s", text, result.question()).isFalse();
        return result.intents();
    }

    /** The parser's question for {@code text}; it must ask back. */
    ParseResult ask(String text) {
        ParseResult result = parser.parse(text, session);
        assertThat(result.needsClarification()).as("a question for \"%s\" but got %s", text, result.intents()).isTrue();
        assertThat(result.question()).isNotBlank();
        return result;
    }
}
