package dev.shop.workflow.definition;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Ends the execution as failed. The error and cause are fixed ({@code Error}, {@code Cause}) or read from the
 * state's input ({@code ErrorPath}, {@code CausePath}), as in Step Functions; a path that finds no text leaves
 * it unset.
 *
 * @param error     null if not set
 * @param cause     null if not set
 * @param errorPath null if not set; never set together with {@code error}
 * @param causePath null if not set; never set together with {@code cause}
 */
public record FailState(String name, String comment, String error, String cause, ReferencePath errorPath,
                        ReferencePath causePath) implements State {

    public FailState(String name, String comment, String error, String cause) {
        this(name, comment, error, cause, null, null);
    }

    /** The error for this input. */
    public String error(JsonNode input) {
        return errorPath == null ? error : text(errorPath, input);
    }

    /** The cause for this input. */
    public String cause(JsonNode input) {
        return causePath == null ? cause : text(causePath, input);
    }

    private static String text(ReferencePath path, JsonNode input) {
        return path.read(input).filter(JsonNode::isTextual).map(JsonNode::textValue).orElse(null);
    }

    @Override
    public List<String> successors() {
        return List.of();
    }

    @Override
    public boolean terminal() {
        return true;
    }
}
