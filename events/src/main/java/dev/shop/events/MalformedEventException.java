package dev.shop.events;

/**
 * An incoming message is not a valid event: not JSON, a broken envelope, an unknown type, or data
 * that does not fit the record. Retrying cannot help, so consumers route it to the dead-letter
 * topic. The message says what was wrong but never contains the raw payload, which can be large
 * or hold customer data and would end up in logs.
 */
public class MalformedEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
