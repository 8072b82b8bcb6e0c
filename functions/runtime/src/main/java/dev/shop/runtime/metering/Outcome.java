package dev.shop.runtime.metering;

/** How an invocation ended, as finance and operators need to tell them apart. */
public enum Outcome {
    /** Did what was asked. */
    SUCCESS,
    /** Refused the caller's input (4xx, poison event). */
    REJECTED,
    /** Failed on infrastructure (5xx, retried event). */
    ERROR;

    public static Outcome ofStatus(int status) {
        return status >= 500 ? ERROR : status >= 400 ? REJECTED : SUCCESS;
    }
}
