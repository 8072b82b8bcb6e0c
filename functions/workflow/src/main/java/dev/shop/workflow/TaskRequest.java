package dev.shop.workflow;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A task to send to a platform function: what {@link TaskDispatcher#dispatch} gets.
 *
 * @param functionName  the Task's {@code Parameters.FunctionName}, e.g. {@code reserveInventory}
 * @param payload       the Task's {@code Parameters.Payload}, paths resolved (it carries the task token)
 * @param taskToken     the token the reply must return; a new one for every attempt
 * @param executionId   the execution that waits for the reply
 * @param correlationId the id given to {@link WorkflowEngine#start}, for the command's envelope
 */
public record TaskRequest(String functionName, JsonNode payload, String taskToken, String executionId,
                          String correlationId) {

    public TaskRequest {
        payload = payload.deepCopy();
    }

    @Override
    public JsonNode payload() {
        return payload.deepCopy();
    }
}
