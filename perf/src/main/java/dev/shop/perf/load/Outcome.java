package dev.shop.perf.load;

/** How one arrival of a load ended: as asked, or failed for a reason the report counts. */
public sealed interface Outcome {

    Outcome SUCCESS = new Success();

    record Success() implements Outcome {
    }

    /** {@code reason} groups failures in the report, e.g. {@code POST /checkouts 404}. */
    record Failure(String reason) implements Outcome {
    }

    static Outcome failure(String reason) {
        return new Failure(reason);
    }
}
