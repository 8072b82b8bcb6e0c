package dev.shop.runtime.problem;

import java.util.List;

/**
 * Thrown by adapters when a request cannot be turned into a domain call (bad JSON, failed validation).
 * Domain outcomes are types, not exceptions; this only carries the answer back to the HTTP edge.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    // Never serialized: it carries the answer to the HTTP edge within one invocation.
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    /** A 400 validation problem naming one field: {@code invalidField("limit", "must be a whole number")}. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(Problems.invalidFields(List.of(new Problem.FieldError(field, message))));
    }

    public Problem problem() {
        return problem;
    }
}
