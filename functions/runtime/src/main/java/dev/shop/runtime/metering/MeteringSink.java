package dev.shop.runtime.metering;

/**
 * Where invocation records go for the cost reports: rows in Postgres ({@link MeteringWriter}) or CloudWatch
 * embedded metric lines ({@link EmfMeteringSink}). {@link #submit} never blocks the invocation.
 */
public interface MeteringSink extends AutoCloseable {

    void submit(InvocationRecord invocation);

    /** Writes everything submitted so far; before a Lambda invocation returns, before a checkpoint, at shutdown. */
    void flush();

    @Override
    void close();
}
