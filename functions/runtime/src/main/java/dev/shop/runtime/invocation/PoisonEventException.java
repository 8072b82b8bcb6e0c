package dev.shop.runtime.invocation;

/**
 * A message no retry can fix. A Stream binding sends it to the function's dead-letter topic at once (the modules
 * list this class as not retryable); an MSK batch acknowledges it and logs it.
 */
public class PoisonEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
