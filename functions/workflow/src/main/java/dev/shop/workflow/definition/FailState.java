package dev.shop.workflow.definition;

import java.util.List;

/**
 * Ends the execution as failed with a fixed error and cause.
 *
 * @param error null if not set
 * @param cause null if not set
 */
public record FailState(String name, String comment, String error, String cause) implements State {

    @Override
    public List<String> successors() {
        return List.of();
    }

    @Override
    public boolean terminal() {
        return true;
    }
}
