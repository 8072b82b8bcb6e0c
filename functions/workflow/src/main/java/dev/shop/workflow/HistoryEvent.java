package dev.shop.workflow;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of an execution's history.
 *
 * @param seq       1, 2, 3, ... per execution, without gaps
 * @param stateName the state it concerns, or null for execution-level events
 * @param details   e.g. {@code {"input": ...}} for StateEntered, {@code {"error": ..., "cause": ...}} for TaskFailed
 */
public record HistoryEvent(int seq, HistoryEventType type, String stateName, JsonNode details, Instant occurredAt) {

    public HistoryEvent {
        details = details.deepCopy();
    }

    @Override
    public JsonNode details() {
        return details.deepCopy();
    }
}
