package dev.shop.perf.cost;

/**
 * Billable quantities and list-price costs of a set of invocations (a function, a day, a month, an order).
 * Not thread-safe: one reader fills it.
 */
public final class Usage {

    long invocations;
    long coldStarts;
    long errors;
    long httpRequests;
    double lambdaRequests;
    long billedMillisX86;
    double gbSecondsX86;
    double gbSecondsArm64;
    double lambdaX86;
    double lambdaArm64;
    double apiGateway;
    double knativeVcpuSeconds;
    double knativeGibSeconds;
    double knative;

    void add(Invocation invocation, InvocationPrices prices) {
        Pricing.Lambda lambda = prices.pricing().lambda();
        invocations++;
        if (invocation.coldStart()) {
            coldStarts++;
        }
        if (!"SUCCESS".equals(invocation.outcome())) {
            errors++;
        }
        if (invocation.http()) {
            httpRequests++;
        }
        lambdaRequests += prices.lambdaRequests(invocation);
        billedMillisX86 += prices.lambdaBilledMillis(invocation, lambda.x86_64());
        gbSecondsX86 += prices.lambdaGbSeconds(invocation, lambda.x86_64());
        gbSecondsArm64 += prices.lambdaGbSeconds(invocation, lambda.arm64());
        lambdaX86 += prices.lambdaX86(invocation);
        lambdaArm64 += prices.lambdaArm64(invocation);
        apiGateway += prices.apiGateway(invocation);
        knativeVcpuSeconds += prices.knativeVcpuSeconds(invocation);
        knativeGibSeconds += prices.knativeGibSeconds(invocation);
        knative += prices.knative(invocation);
    }

    void add(Usage other) {
        invocations += other.invocations;
        coldStarts += other.coldStarts;
        errors += other.errors;
        httpRequests += other.httpRequests;
        lambdaRequests += other.lambdaRequests;
        billedMillisX86 += other.billedMillisX86;
        gbSecondsX86 += other.gbSecondsX86;
        gbSecondsArm64 += other.gbSecondsArm64;
        lambdaX86 += other.lambdaX86;
        lambdaArm64 += other.lambdaArm64;
        apiGateway += other.apiGateway;
        knativeVcpuSeconds += other.knativeVcpuSeconds;
        knativeGibSeconds += other.knativeGibSeconds;
        knative += other.knative;
    }

    public long invocations() {
        return invocations;
    }

    public long coldStarts() {
        return coldStarts;
    }

    public long errors() {
        return errors;
    }

    public long httpRequests() {
        return httpRequests;
    }

    public double lambdaRequests() {
        return lambdaRequests;
    }

    public long billedMillisX86() {
        return billedMillisX86;
    }

    public double gbSecondsX86() {
        return gbSecondsX86;
    }

    public double gbSecondsArm64() {
        return gbSecondsArm64;
    }

    public double lambdaX86() {
        return lambdaX86;
    }

    public double lambdaArm64() {
        return lambdaArm64;
    }

    public double apiGateway() {
        return apiGateway;
    }

    public double knativeVcpuSeconds() {
        return knativeVcpuSeconds;
    }

    public double knativeGibSeconds() {
        return knativeGibSeconds;
    }

    public double knative() {
        return knative;
    }

    /** AWS with x86_64 functions: Lambda plus API Gateway. */
    public double awsX86() {
        return lambdaX86 + apiGateway;
    }

    /** AWS with arm64 functions: Lambda plus API Gateway. */
    public double awsArm64() {
        return lambdaArm64 + apiGateway;
    }

    public double cost(Platform platform) {
        return switch (platform) {
            case AWS_X86 -> awsX86();
            case AWS_ARM64 -> awsArm64();
            case KNATIVE -> knative;
        };
    }
}
