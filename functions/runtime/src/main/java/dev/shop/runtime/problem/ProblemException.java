package dev.shop.runtime.problem;

/**
 * Thrown by adapters when a request cannot be turned into a domain call (bad JSON, failed validation).
 * Domain outcomes are types, not exceptions; this only carries the answer back to the HTTP edge.
 */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
