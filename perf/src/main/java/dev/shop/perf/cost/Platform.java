package dev.shop.perf.cost;

/** Where the same function code can run, as the report prices it. */
public enum Platform {
    AWS_X86("AWS Lambda x86_64 + API Gateway"),
    AWS_ARM64("AWS Lambda arm64 + API Gateway"),
    KNATIVE("Knative (Cloud Run prices)");

    private final String label;

    Platform(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
