package dev.shop.perf.cost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The price list the cost report uses, read from a dated JSON file with its sources
 * ({@code pricing/prices-2025-06-01.json} unless {@code --pricing} names another). Every number is an input.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Pricing(String asOf, String writtenOn, String currency, String note, Map<String, String> sources,
                      double hoursPerMonth, ColdStart coldStart, Lambda lambda, ApiGateway apiGatewayHttpApi,
                      Knative knative, StepFunctions stepFunctions, List<FixedCost> fixedMonthly,
                      MemoryWhatIf memoryWhatIf) {

    public static final String BUNDLED = "pricing/prices-2025-06-01.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public static Pricing bundled() {
        try (InputStream in = Pricing.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the class path");
            }
            return JSON.readValue(in, Pricing.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED, e);
        }
    }

    public static Pricing read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return JSON.readValue(in, Pricing.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the price list " + file + ": " + e.getMessage(), e);
        }
    }

    /** A price per unit up to a monthly quantity ({@code upTo} null: no limit). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tier(Double upTo, double price) {
    }

    /** Cost of {@code quantity} units in one month, tier by tier. */
    public static double tiered(List<Tier> tiers, double quantity) {
        double cost = 0;
        double below = 0;
        for (Tier tier : tiers) {
            double limit = tier.upTo() == null ? Double.POSITIVE_INFINITY : tier.upTo();
            double inTier = Math.min(quantity, limit) - below;
            if (inTier <= 0) {
                break;
            }
            cost += inTier * tier.price();
            below = limit;
        }
        return cost;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ColdStart(double durationMs, String note) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Lambda(double requestsPerMillion, long billingGranularityMs, long minimumBilledMs,
                         boolean initBilled, double kafkaRecordsPerInvocation, Architecture x86_64,
                         Architecture arm64, LambdaFreeTier freeTier) {

        public double perRequest() {
            return requestsPerMillion / 1e6;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Architecture(List<Tier> gbSecondTiers, double durationFactor) {

        /** The first tier's price: what one more GB-second costs at this project's volumes. */
        public double gbSecond() {
            return gbSecondTiers.getFirst().price();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LambdaFreeTier(double requestsPerMonth, double gbSecondsPerMonth) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ApiGateway(List<Tier> requestTiers, String note, RequestFreeTier freeTier) {

        public double perRequest() {
            return requestTiers.getFirst().price();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestFreeTier(double requestsPerMonth) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Knative(String reference, double vcpuSecond, double gibSecond, double requestsPerMillion,
                          long billingGranularityMs, double vcpuPerInstance, double concurrency,
                          boolean startupBilled, String note, KnativeFreeTier freeTier) {

        public double perRequest() {
            return requestsPerMillion / 1e6;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record KnativeFreeTier(double vcpuSecondsPerMonth, double gibSecondsPerMonth, double requestsPerMonth) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StepFunctions(double standardPerTransition, double standardFreeTransitionsPerMonth,
                                double expressPerRequest, List<Tier> expressGbSecondTiers,
                                long expressBillingGranularityMs, double expressMemoryMb, String note) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FixedCost(String name, double usd, String what) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MemoryWhatIf(List<Integer> sizesMb, double referenceMemoryMb, double cpuBoundFraction,
                               String note) {
    }
}
