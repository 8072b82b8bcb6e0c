package dev.shop.assistant.parser;

import java.util.List;

/** parseIntent's answer: the plan, or a question when the request cannot be told without guessing. */
public record ParseResult(List<Intent> intents, boolean needsClarification, String question, List<String> candidates) {

    public ParseResult {
        intents = List.copyOf(intents);
        candidates = List.copyOf(candidates);
    }

    public static ParseResult plan(List<Intent> intents) {
        return new ParseResult(intents, false, null, List.of());
    }

    public static ParseResult clarify(String question, List<String> candidates) {
        return new ParseResult(List.of(), true, question, candidates);
    }
}
