package dev.shop.assistant.domain;

/** parseIntent's command: the shopper's words, within a conversation when {@code sessionId} is given. */
public record ParseIntent(String text, String sessionId) {
}
