package dev.shop.runtime.invocation;

/** Work an invocation leaves behind (outbox rows, metering records), done before the trigger returns on Lambda. */
public interface AfterInvocation {

    /** For logs. */
    String name();

    void afterInvocation();
}
