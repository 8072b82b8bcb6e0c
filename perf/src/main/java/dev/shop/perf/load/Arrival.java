package dev.shop.perf.load;

/** One unit of load: a request or a whole journey. It is told when it was meant to start (System.nanoTime). */
@FunctionalInterface
public interface Arrival {

    Outcome run(long intendedStartNanos) throws Exception;
}
