package dev.shop.perf.cost;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The arithmetic, on cases worked out by hand from the bundled price list. */
class InvocationPricesTest {

    private static final Pricing PRICES = Pricing.bundled();
    private static final InvocationPrices RATES = new InvocationPrices(PRICES);
    private static final double REQUEST = 0.20 / 1e6;
    private static final double X86 = 0.0000166667;
    private static final double ARM = 0.0000133334;

    @Test
    void roundsBilledDurationUpToTheMillisecond() {
        assertThat(RATES.lambdaBilledMillis(warm(1_000, 1024), PRICES.lambda().x86_64())).isEqualTo(1);
        assertThat(RATES.lambdaBilledMillis(warm(1_001, 1024), PRICES.lambda().x86_64())).isEqualTo(2);
        assertThat(RATES.lambdaBilledMillis(warm(0, 1024), PRICES.lambda().x86_64())).isEqualTo(1);
        // 1,001 µs at 1 GB: 2 ms = 0.002 GB-s
        assertThat(RATES.lambdaX86(warm(1_001, 1024))).isCloseTo(REQUEST + 0.002 * X86, within(1e-15));
    }

    @Test
    void pricesArm64GbSecondsLowerThanX86() {
        // 100.2 ms at 512 MB: 101 ms billed, 0.0505 GB-s
        Invocation invocation = warm(100_200, 512);
        assertThat(RATES.lambdaGbSeconds(invocation, PRICES.lambda().arm64())).isCloseTo(0.0505, within(1e-12));
        assertThat(RATES.lambdaX86(invocation)).isCloseTo(REQUEST + 0.0505 * X86, within(1e-15));
        assertThat(RATES.lambdaArm64(invocation)).isCloseTo(REQUEST + 0.0505 * ARM, within(1e-15));
    }

    @Test
    void billsTheStartUpOfAColdStart() {
        // 20 ms at 512 MB after a 2,700 ms start-up: 2,720 ms at 0.5 GB = 1.36 GB-s
        Invocation cold = new Invocation("getProduct", "catalog", Instant.parse("2026-12-01T10:00:00Z"), 20_000,
                512, true, "SUCCESS", "HTTP", null);
        assertThat(RATES.lambdaGbSeconds(cold, PRICES.lambda().x86_64())).isCloseTo(1.36, within(1e-12));
        // Knative: 100 ms (rounded up from 20) + 2,700 ms start-up, 1 vCPU, 0.5 GiB, one request
        assertThat(RATES.knative(cold)).isCloseTo(2.8 * 0.000024 + 2.8 * 0.5 * 0.0000025 + 0.40 / 1e6,
                within(1e-15));
    }

    @Test
    void chargesApiGatewayOnlyForHttpInvocations() {
        Invocation kafka = new Invocation("reserveInventory", "inventory", Instant.parse("2026-12-01T10:00:00Z"),
                5_000, 256, false, "SUCCESS", "KAFKA", "c-1");
        assertThat(RATES.apiGateway(warm(5_000, 512))).isEqualTo(0.000001);
        assertThat(RATES.apiGateway(kafka)).isZero();
    }

    @Test
    void appliesTheMonthlyFreeTierOnlyWhenAsked() {
        // 1.5 million invocations of 100 ms at 512 MB in one month: 75,000 GB-s, 1.5 M requests, no HTTP
        CostReport.Window window = new CostReport.Window(Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"));
        double withoutFreeTier = bill(window, false);
        double withFreeTier = bill(window, true);

        assertThat(withoutFreeTier).isCloseTo(1.5 * 0.20 + 75_000 * X86, within(1e-9));
        // 1 M requests and all 75,000 GB-s (under 400,000) are free: 0.5 M requests remain
        assertThat(withFreeTier).isCloseTo(0.5 * 0.20, within(1e-9));
    }

    private static double bill(CostReport.Window window, boolean freeTier) {
        CostReport.Builder builder = new CostReport.Builder(window, PRICES, freeTier, List.of(), Set.of());
        Instant at = Instant.parse("2026-11-15T12:00:00Z");
        for (int i = 0; i < 1_500_000; i++) {
            builder.add(new Invocation("processPayment", "payment", at, 100_000, 512, false, "SUCCESS", "KAFKA",
                    null));
        }
        return builder.build().bills().stream().filter(b -> b.platform() == Platform.AWS_X86).findFirst()
                .orElseThrow().billed();
    }

    @Test
    void splitsGbSecondsAcrossTiers() {
        List<Pricing.Tier> tiers = PRICES.lambda().x86_64().gbSecondTiers();
        assertThat(Pricing.tiered(tiers, 7.0e9)).isCloseTo(6.0e9 * X86 + 1.0e9 * 0.000015, within(1e-3));
    }

    @Test
    void stretchesOnlyTheCpuBoundPartBelowOneVcpu() {
        Pricing.MemoryWhatIf model = PRICES.memoryWhatIf();
        assertThat(CostReport.Builder.stretch(model, 1769)).isCloseTo(1.0, within(1e-12));
        assertThat(CostReport.Builder.stretch(model, 3008)).isCloseTo(1.0, within(1e-12));
        // half the time is CPU-bound; at a quarter of a vCPU that half takes four times as long
        assertThat(CostReport.Builder.stretch(model, 442)).isCloseTo(0.5 + 0.5 * 1769 / 442.0, within(1e-12));
    }

    private static Invocation warm(long micros, int memoryMb) {
        return new Invocation("getProduct", "catalog", Instant.parse("2026-12-01T10:00:00Z"), micros, memoryMb,
                false, "SUCCESS", "HTTP", null);
    }
}
