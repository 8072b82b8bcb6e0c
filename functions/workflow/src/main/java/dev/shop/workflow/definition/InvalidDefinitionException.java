package dev.shop.workflow.definition;

import java.util.List;
import java.util.stream.Collectors;

/** A state machine definition that is not valid JSON, not valid ASL, or outside the supported subset. */
public class InvalidDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<DefinitionProblem> problems;

    public InvalidDefinitionException(List<DefinitionProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in document order. */
    public List<DefinitionProblem> problems() {
        return problems;
    }

    private static String message(List<DefinitionProblem> problems) {
        return "invalid state machine definition (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "):" + problems.stream().map(problem -> "\n  - " + problem).collect(Collectors.joining());
    }
}
