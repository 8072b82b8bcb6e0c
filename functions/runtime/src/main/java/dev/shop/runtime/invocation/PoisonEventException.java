package dev.shop.runtime.invocation;

/**
 * A message no retry can fix. A Stream binding sends it to the function's dead-letter topic at once (the modules
 * list this class as not retryable); an MSK batch acknowledges it and logs it.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
