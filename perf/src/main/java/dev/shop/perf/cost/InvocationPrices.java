package dev.shop.perf.cost;

/**
 * What one invocation costs on each platform, at list price (the first tier): AWS Lambda x86_64 and arm64
 * (requests plus GB-seconds of billed duration, rounded up to the billing granularity, plus the start-up of a
 * cold start when INIT is billed), API Gateway HTTP API per HTTP request, and Knative priced as Cloud Run
 * (vCPU-seconds and GiB-seconds of request time rounded up to 100 ms, plus requests).
 */
public final class InvocationPrices {

    private final Pricing pricing;

    public InvocationPrices(Pricing pricing) {
        this.pricing = pricing;
    }

    public Pricing pricing() {
        return pricing;
    }

    /** Billed milliseconds of a duration: rounded up to the granularity, never below the minimum. */
    public static long billedMillis(double durationMicros, long granularityMs, long minimumMs) {
        long granularityMicros = granularityMs * 1000;
        long units = (long) Math.ceil(durationMicros / granularityMicros - 1e-9);
        return Math.max(minimumMs, units * granularityMs);
    }

    public long lambdaBilledMillis(Invocation invocation, Pricing.Architecture architecture) {
        Pricing.Lambda lambda = pricing.lambda();
        return billedMillis(invocation.durationMicros() * architecture.durationFactor(), lambda.billingGranularityMs(),
                lambda.minimumBilledMs());
    }

    /** GB-seconds billed: the invocation's duration, plus the start-up when it was a cold start and INIT is billed. */
    public double lambdaGbSeconds(Invocation invocation, Pricing.Architecture architecture) {
        Pricing.Lambda lambda = pricing.lambda();
        double millis = lambdaBilledMillis(invocation, architecture);
        if (invocation.coldStart() && lambda.initBilled()) {
            millis += billedMillis(pricing.coldStart().durationMs() * 1000, lambda.billingGranularityMs(), 0);
        }
        return millis / 1000.0 * invocation.memoryMb() / 1024.0;
    }

    /** Lambda requests charged for the invocation: one, or a share of a batch for a Kafka record. */
    public double lambdaRequests(Invocation invocation) {
        return invocation.kafka() ? 1.0 / pricing.lambda().kafkaRecordsPerInvocation() : 1.0;
    }

    public double lambda(Invocation invocation, Pricing.Architecture architecture) {
        return lambdaRequests(invocation) * pricing.lambda().perRequest()
                + lambdaGbSeconds(invocation, architecture) * architecture.gbSecond();
    }

    public double lambdaX86(Invocation invocation) {
        return lambda(invocation, pricing.lambda().x86_64());
    }

    public double lambdaArm64(Invocation invocation) {
        return lambda(invocation, pricing.lambda().arm64());
    }

    public double apiGateway(Invocation invocation) {
        return invocation.http() ? pricing.apiGatewayHttpApi().perRequest() : 0;
    }

    /** Seconds of instance time billed on Knative: request time rounded up, plus start-up for a cold start. */
    public double knativeSeconds(Invocation invocation) {
        Pricing.Knative knative = pricing.knative();
        double millis = billedMillis(invocation.durationMicros(), knative.billingGranularityMs(), 0);
        if (invocation.coldStart() && knative.startupBilled()) {
            millis += billedMillis(pricing.coldStart().durationMs() * 1000, knative.billingGranularityMs(), 0);
        }
        return millis / 1000.0 / knative.concurrency();
    }

    public double knativeVcpuSeconds(Invocation invocation) {
        return knativeSeconds(invocation) * pricing.knative().vcpuPerInstance();
    }

    public double knativeGibSeconds(Invocation invocation) {
        return knativeSeconds(invocation) * invocation.memoryMb() / 1024.0;
    }

    public double knative(Invocation invocation) {
        Pricing.Knative knative = pricing.knative();
        return knative.perRequest() + knativeVcpuSeconds(invocation) * knative.vcpuSecond()
                + knativeGibSeconds(invocation) * knative.gibSecond();
    }
}
