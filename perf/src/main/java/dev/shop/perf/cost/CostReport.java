package dev.shop.perf.cost;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.HdrHistogram.Histogram;

/**
 * The cost of the invocations metered in a window, priced per platform: per function, per day, per successful
 * order (every invocation sharing the order's correlation id), each function's share, a memory what-if and what
 * the same checkouts would cost orchestrated by AWS Step Functions. Built by {@link Builder} from a stream of
 * invocations, each counted exactly once.
 */
public final class CostReport {

    /** The half-open window {@code [from, to)} of {@code started_at}. */
    public record Window(Instant from, Instant to) {
        public Window {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("the window must end after it starts: " + from + " .. " + to);
            }
        }

        public boolean contains(Instant instant) {
            return !instant.isBefore(from) && instant.isBefore(to);
        }

        public double hours() {
            return Duration.between(from, to).toMillis() / 3_600_000.0;
        }
    }

    /** One function's invocations: quantities, costs and its duration distribution in microseconds. */
    public record FunctionCost(String function, String module, int memoryMb, Set<String> triggers, Usage usage,
                               Histogram durationsMicros) {

        public double p50Millis() {
            return durationsMicros.getValueAtPercentile(50) / 1000.0;
        }

        public double p99Millis() {
            return durationsMicros.getValueAtPercentile(99) / 1000.0;
        }
    }

    /** What the successful orders cost: all invocations sharing an order's correlation id, counted once. */
    public record Orders(long count, Usage usage, Map<String, Double> invocationsPerOrder,
                         Map<Platform, double[]> perOrderCosts) {

        public double mean(Platform platform) {
            return count == 0 ? 0 : usage.cost(platform) / count;
        }

        /** The cost of the order at {@code percentile} (0-100) of the per-order costs. */
        public double percentile(Platform platform, double percentile) {
            double[] sorted = perOrderCosts.get(platform);
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }

    /**
     * The saga's orchestration priced three ways: the Postgres-backed engine's own functions (on each platform),
     * Step Functions Standard (per state transition) and Express (per execution plus duration).
     */
    public record Orchestration(long checkouts, long succeeded, long terminal, long transitions, long retries,
                                Set<String> engineFunctions, Usage engine, double standard, double express,
                                double expressGbSeconds) {

        public double perThousand(double cost) {
            return checkouts == 0 ? 0 : cost / checkouts * 1000;
        }
    }

    /** Expected duration and cost per million invocations of one function at one memory size. */
    public record WhatIf(String function, int configuredMb, int memoryMb, double p50Millis, double costPerMillion,
                         boolean cheapest) {
    }

    /** The month's bill per platform: list price of every invocation, then tiers and (if asked) the free tier. */
    public record Bill(Platform platform, double list, double billed) {
    }

    private final Window window;
    private final Pricing pricing;
    private final boolean freeTier;
    private final List<FunctionCost> functions;
    private final SortedMap<LocalDate, Usage> days;
    private final SortedMap<YearMonth, Usage> months;
    private final Usage total;
    private final Orders orders;
    private final Orchestration orchestration;
    private final List<WhatIf> memoryWhatIf;

    private CostReport(Window window, Pricing pricing, boolean freeTier, List<FunctionCost> functions,
                       SortedMap<LocalDate, Usage> days, SortedMap<YearMonth, Usage> months, Usage total,
                       Orders orders, Orchestration orchestration, List<WhatIf> memoryWhatIf) {
        this.window = window;
        this.pricing = pricing;
        this.freeTier = freeTier;
        this.functions = functions;
        this.days = days;
        this.months = months;
        this.total = total;
        this.orders = orders;
        this.orchestration = orchestration;
        this.memoryWhatIf = memoryWhatIf;
    }

    public Window window() {
        return window;
    }

    public Pricing pricing() {
        return pricing;
    }

    public boolean freeTier() {
        return freeTier;
    }

    /** Most expensive first (on AWS x86_64). */
    public List<FunctionCost> functions() {
        return functions;
    }

    public SortedMap<LocalDate, Usage> days() {
        return days;
    }

    public SortedMap<YearMonth, Usage> months() {
        return months;
    }

    public Usage total() {
        return total;
    }

    public Orders orders() {
        return orders;
    }

    public Orchestration orchestration() {
        return orchestration;
    }

    public List<WhatIf> memoryWhatIf() {
        return memoryWhatIf;
    }

    /** The function's share of the platform's variable bill, 0..1. */
    public double share(FunctionCost function, Platform platform) {
        double all = total.cost(platform);
        return all == 0 ? 0 : function.usage().cost(platform) / all;
    }

    /** The fixed monthly costs (Kafka, Postgres, Redis) for the length of the window. */
    public double fixedForWindow() {
        return pricing.fixedMonthly().stream().mapToDouble(Pricing.FixedCost::usd).sum()
                * window.hours() / pricing.hoursPerMonth();
    }

    /** Month by month: tiers applied to the month's totals, and the free tier when it is on. */
    public List<Bill> bills() {
        List<Bill> bills = new ArrayList<>();
        for (Platform platform : Platform.values()) {
            double billed = 0;
            for (Usage month : months.values()) {
                billed += billed(platform, month);
            }
            bills.add(new Bill(platform, total.cost(platform), billed));
        }
        return bills;
    }

    private double billed(Platform platform, Usage month) {
        Pricing.Lambda lambda = pricing.lambda();
        Pricing.ApiGateway api = pricing.apiGatewayHttpApi();
        Pricing.Knative knative = pricing.knative();
        double freeRequests = freeTier ? lambda.freeTier().requestsPerMonth() : 0;
        double freeGbSeconds = freeTier ? lambda.freeTier().gbSecondsPerMonth() : 0;
        double freeApi = freeTier ? api.freeTier().requestsPerMonth() : 0;
        double gateway = Pricing.tiered(api.requestTiers(), Math.max(0, month.httpRequests() - freeApi));
        double requests = Math.max(0, month.lambdaRequests() - freeRequests) * lambda.perRequest();
        return switch (platform) {
            case AWS_X86 -> requests + gateway + Pricing.tiered(lambda.x86_64().gbSecondTiers(),
                    Math.max(0, month.gbSecondsX86() - freeGbSeconds));
            case AWS_ARM64 -> requests + gateway + Pricing.tiered(lambda.arm64().gbSecondTiers(),
                    Math.max(0, month.gbSecondsArm64() - freeGbSeconds));
            case KNATIVE -> {
                Pricing.KnativeFreeTier free = knative.freeTier();
                yield Math.max(0, month.knativeVcpuSeconds() - (freeTier ? free.vcpuSecondsPerMonth() : 0))
                        * knative.vcpuSecond()
                        + Math.max(0, month.knativeGibSeconds() - (freeTier ? free.gibSecondsPerMonth() : 0))
                        * knative.gibSecond()
                        + Math.max(0, month.invocations() - (freeTier ? free.requestsPerMonth() : 0))
                        * knative.perRequest();
            }
        };
    }

    /** Collects invocations one by one; {@link #build()} prices what it was given. */
    public static final class Builder {

        private static final long MAX_MICROS = Duration.ofMinutes(20).toNanos() / 1000;

        private final Window window;
        private final InvocationPrices prices;
        private final boolean freeTier;
        private final List<SagaExecution> executions;
        private final Set<String> engineFunctions;
        /** Successful orders per correlation id: the invocations of one id are counted once, shared by its orders. */
        private final Map<String, Integer> ordersByCorrelation = new HashMap<>();
        private final Map<String, Usage> orderUsage = new HashMap<>();
        private final Map<String, Map<String, Long>> orderInvocations = new HashMap<>();
        private final Map<String, FunctionAccumulator> functions = new LinkedHashMap<>();
        private final SortedMap<LocalDate, Usage> days = new TreeMap<>();
        private final SortedMap<YearMonth, Usage> months = new TreeMap<>();
        private final Usage total = new Usage();
        private long outside;

        public Builder(Window window, Pricing pricing, boolean freeTier, List<SagaExecution> executions,
                       Set<String> engineFunctions) {
            this.window = window;
            this.prices = new InvocationPrices(pricing);
            this.freeTier = freeTier;
            this.executions = List.copyOf(executions);
            this.engineFunctions = Set.copyOf(engineFunctions);
            for (SagaExecution execution : executions) {
                if (execution.succeeded()) {
                    ordersByCorrelation.merge(execution.correlationId(), 1, Integer::sum);
                }
            }
        }

        /** Adds one invocation; one outside the window is refused (and counted), never priced. */
        public boolean add(Invocation invocation) {
            if (!window.contains(invocation.startedAt())) {
                outside++;
                return false;
            }
            functions.computeIfAbsent(invocation.function(), f -> new FunctionAccumulator(invocation))
                    .add(invocation, prices);
            days.computeIfAbsent(LocalDate.ofInstant(invocation.startedAt(), ZoneOffset.UTC), d -> new Usage())
                    .add(invocation, prices);
            months.computeIfAbsent(YearMonth.from(invocation.startedAt().atZone(ZoneOffset.UTC)), m -> new Usage())
                    .add(invocation, prices);
            total.add(invocation, prices);
            String correlation = invocation.correlationId();
            if (correlation != null && ordersByCorrelation.containsKey(correlation)) {
                orderUsage.computeIfAbsent(correlation, c -> new Usage()).add(invocation, prices);
                orderInvocations.computeIfAbsent(correlation, c -> new HashMap<>())
                        .merge(invocation.function(), 1L, Long::sum);
            }
            return true;
        }

        /** Invocations refused for lying outside the window. */
        public long outside() {
            return outside;
        }

        public CostReport build() {
            List<FunctionCost> costs = new ArrayList<>();
            functions.forEach((name, f) -> costs.add(new FunctionCost(name, f.module, f.memoryMb,
                    new TreeSet<>(f.triggers), f.usage, f.durations)));
            costs.sort(Comparator.comparingDouble((FunctionCost f) -> f.usage().awsX86()).reversed()
                    .thenComparing(FunctionCost::function));
            return new CostReport(window, prices.pricing(), freeTier, List.copyOf(costs), days, months, total,
                    orders(), orchestration(costs), whatIf(costs));
        }

        private Orders orders() {
            long count = ordersByCorrelation.values().stream().mapToLong(Integer::longValue).sum();
            Usage usage = new Usage();
            orderUsage.values().forEach(usage::add);
            Map<String, Double> perOrder = new TreeMap<>();
            orderInvocations.values().forEach(byFunction -> byFunction.forEach((function, n) ->
                    perOrder.merge(function, (double) n, Double::sum)));
            perOrder.replaceAll((function, n) -> count == 0 ? 0 : n / count);
            Map<Platform, double[]> perOrderCosts = new LinkedHashMap<>();
            for (Platform platform : Platform.values()) {
                List<Double> costs = new ArrayList<>();
                ordersByCorrelation.forEach((correlation, n) -> {
                    Usage u = orderUsage.get(correlation);
                    double each = u == null ? 0 : u.cost(platform) / n;
                    for (int i = 0; i < n; i++) {
                        costs.add(each);
                    }
                });
                perOrderCosts.put(platform, costs.stream().mapToDouble(Double::doubleValue).sorted().toArray());
            }
            return new Orders(count, usage, perOrder, perOrderCosts);
        }

        private Orchestration orchestration(List<FunctionCost> costs) {
            Pricing.StepFunctions sfn = prices.pricing().stepFunctions();
            long checkouts = 0;
            long succeeded = 0;
            long terminal = 0;
            long transitions = 0;
            long retries = 0;
            double expressGbSeconds = 0;
            Map<YearMonth, Long> transitionsByMonth = new TreeMap<>();
            for (SagaExecution execution : executions) {
                if (!window.contains(execution.startedAt())) {
                    continue;
                }
                checkouts++;
                succeeded += execution.succeeded() ? 1 : 0;
                terminal += execution.terminal() ? 1 : 0;
                transitions += execution.transitions();
                retries += execution.retries();
                transitionsByMonth.merge(YearMonth.from(execution.startedAt().atZone(ZoneOffset.UTC)),
                        (long) execution.transitions(), Long::sum);
                long millis = InvocationPrices.billedMillis(execution.duration().toNanos() / 1000.0,
                        sfn.expressBillingGranularityMs(), sfn.expressBillingGranularityMs());
                expressGbSeconds += millis / 1000.0 * sfn.expressMemoryMb() / 1024.0;
            }
            double standard = 0;
            for (long monthly : transitionsByMonth.values()) {
                standard += Math.max(0, monthly - (freeTier ? sfn.standardFreeTransitionsPerMonth() : 0))
                        * sfn.standardPerTransition();
            }
            double express = checkouts * sfn.expressPerRequest()
                    + Pricing.tiered(sfn.expressGbSecondTiers(), expressGbSeconds);
            Usage engine = new Usage();
            costs.stream().filter(f -> engineFunctions.contains(f.function())).forEach(f -> engine.add(f.usage()));
            return new Orchestration(checkouts, succeeded, terminal, transitions, retries,
                    new TreeSet<>(engineFunctions), engine, standard, express, expressGbSeconds);
        }

        private List<WhatIf> whatIf(List<FunctionCost> costs) {
            Pricing.MemoryWhatIf model = prices.pricing().memoryWhatIf();
            Pricing.Lambda lambda = prices.pricing().lambda();
            List<WhatIf> rows = new ArrayList<>();
            for (FunctionCost function : costs) {
                long n = function.durationsMicros().getTotalCount();
                if (n == 0) {
                    continue;
                }
                double requestCost = function.usage().lambdaRequests() / n * lambda.perRequest();
                List<WhatIf> forFunction = new ArrayList<>();
                for (int memory : model.sizesMb()) {
                    double stretch = stretch(model, memory);
                    double[] gbSeconds = {0};
                    function.durationsMicros().recordedValues().forEach(value -> {
                        double micros = function.durationsMicros().medianEquivalentValue(value.getValueIteratedTo());
                        long billed = InvocationPrices.billedMillis(micros * stretch, lambda.billingGranularityMs(),
                                lambda.minimumBilledMs());
                        gbSeconds[0] += value.getCountAtValueIteratedTo() * billed / 1000.0 * memory / 1024.0;
                    });
                    double perInvocation = requestCost + gbSeconds[0] / n * lambda.x86_64().gbSecond();
                    forFunction.add(new WhatIf(function.function(), function.memoryMb(), memory,
                            function.p50Millis() * stretch, perInvocation * 1e6, false));
                }
                double cheapest = forFunction.stream().mapToDouble(WhatIf::costPerMillion).min().orElse(0);
                boolean[] marked = {false};
                forFunction.forEach(w -> {
                    boolean isCheapest = !marked[0] && w.costPerMillion() == cheapest;
                    marked[0] |= isCheapest;
                    rows.add(new WhatIf(w.function(), w.configuredMb(), w.memoryMb(), w.p50Millis(),
                            w.costPerMillion(), isCheapest));
                });
            }
            return List.copyOf(rows);
        }

        /** How much longer a measured duration runs at {@code memoryMb}, by the model the price list states. */
        static double stretch(Pricing.MemoryWhatIf model, int memoryMb) {
            double cpuShare = Math.min(1.0, memoryMb / model.referenceMemoryMb());
            return (1 - model.cpuBoundFraction()) + model.cpuBoundFraction() / cpuShare;
        }

        private static final class FunctionAccumulator {
            final String module;
            int memoryMb;
            final Set<String> triggers = new TreeSet<>();
            final Usage usage = new Usage();
            final Histogram durations = new Histogram(MAX_MICROS, 3);

            FunctionAccumulator(Invocation first) {
                this.module = first.module();
                this.memoryMb = first.memoryMb();
            }

            void add(Invocation invocation, InvocationPrices prices) {
                memoryMb = invocation.memoryMb();
                triggers.add(invocation.trigger());
                usage.add(invocation, prices);
                durations.recordValue(Math.min(MAX_MICROS, Math.max(0, invocation.durationMicros())));
            }
        }
    }
}
