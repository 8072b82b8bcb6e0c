package dev.shop.workflow.definition;

/**
 * One thing wrong with a definition.
 *
 * @param location where in the JSON, e.g. {@code States.ReserveInventory.Retry[0].MaxAttempts}
 * @param message  what is wrong there
 */
public record DefinitionProblem(String location, String message) {

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
