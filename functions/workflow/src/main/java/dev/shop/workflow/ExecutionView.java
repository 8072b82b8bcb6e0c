package dev.shop.workflow;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An execution as {@link WorkflowEngine#describe} sees it, with its whole history in order.
 *
 * @param currentState the state it is in, or the last one it was in once finished
 * @param output       the execution's output once SUCCEEDED, else null
 * @param error        the error name once FAILED or TIMED_OUT, else null
 * @param cause        words about the error, or null
 */
public record ExecutionView(String executionId, String stateMachine, ExecutionStatus status, String currentState,
                            String correlationId, JsonNode input, JsonNode output, String error, String cause,
                            Instant startedAt, Instant updatedAt, List<HistoryEvent> history) {

    public ExecutionView {
        history = List.copyOf(history);
    }

    /** The history's event types, in order: handy in logs and tests. */
    public List<HistoryEventType> historyTypes() {
        return history.stream().map(HistoryEvent::type).toList();
    }
}
