package dev.shop.workflow;

/**
 * A step lost the race for its execution to other instances again and again, and gave up with nothing changed.
 * Deliver the reply again later (a message consumer does so by failing the delivery).
 */
public class ExecutionContendedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExecutionContendedException(String message) {
        super(message);
    }
}
