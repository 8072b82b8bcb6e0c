package dev.shop.perf.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.shop.perf.load.Latencies;
import dev.shop.perf.load.LoadResult;
import dev.shop.perf.report.Figures;

/** The suite's headline figures as Markdown tables ({@code summary.md}), to paste into a README or an issue. */
final class SuiteSummary {

    private SuiteSummary() {
    }

    @SuppressWarnings("unchecked")
    static void write(Map<String, Object> results, Path file) {
        StringBuilder md = new StringBuilder();
        Map<String, Object> machine = (Map<String, Object>) results.get("machine");
        Map<String, Object> atEnd = (Map<String, Object>) results.get("machineAtEnd");
        md.append("Run ").append(results.get("began")).append(" to ").append(results.get("ended")).append(", ")
                .append(machine.get("cores")).append(" cores, load average ").append(machine.get("loadAverage"))
                .append(" at the start, ").append(atEnd.get("loadAverage")).append(" at the end.\n\n");

        List<LoadResult> catalog = (List<LoadResult>) results.get("catalog");
        if (catalog != null) {
            md.append("**Catalog** (").append(catalog.getFirst().extra().get("products"))
                    .append(" products; 79% get Zipf s=1.0, 20% list/search, 1% updates)\n\n");
            md.append("| run | p50 | p90 | p99 | p99.9 | max | throughput | hit rate | failed |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (LoadResult r : catalog) {
                Latencies.Summary s = r.latency();
                md.append(row(r.name(), Figures.millis(s.p50()), Figures.millis(s.p90()), Figures.millis(s.p99()),
                        Figures.millis(s.p999()), Figures.millis(s.max()), Figures.number(r.throughput(), 1) + "/s",
                        Figures.percent((Double) r.extra().get("cacheHitRate")), Long.toString(s.failed())));
            }
            md.append('\n');
        }

        Map<String, Object> cache = (Map<String, Object>) results.get("cacheComparison");
        if (cache != null) {
            md.append("**getProduct, cache on vs off** (function's HTTP face, open loop)\n\n")
                    .append("| setting | cache on p50 | off p50 | on p99 | off p99 | p50 off/on | p99 off/on | hit rate |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            cache.forEach((setting, value) -> {
                Map<String, Object> pair = (Map<String, Object>) value;
                LoadResult on = (LoadResult) pair.get("on");
                LoadResult off = (LoadResult) pair.get("off");
                md.append(row(setting + " (Postgres +" + pair.get("postgresRoundTripMs") + " ms, Redis +"
                                + pair.get("redisRoundTripMs") + " ms)", Figures.millis(on.latency().p50()),
                        Figures.millis(off.latency().p50()), Figures.millis(on.latency().p99()),
                        Figures.millis(off.latency().p99()), Figures.ratio((Double) pair.get("p50Ratio")),
                        Figures.ratio((Double) pair.get("p99Ratio")),
                        Figures.percent((Double) on.extra().get("cacheHitRate"))));
            });
            md.append('\n');
        }

        List<LoadResult> checkout = (List<LoadResult>) results.get("checkout");
        Map<String, Object> saga = (Map<String, Object>) results.get("sagaVsBaseline");
        if (checkout != null) {
            md.append("**Checkout** (POST accepted → terminal; saga = server startedAt → updatedAt)\n\n")
                    .append("| run | p50 | p90 | p99 | max | saga p50 | saga p99 | completed | failures |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
            List<LoadResult> all = new java.util.ArrayList<>(checkout);
            if (saga != null) {
                all.add((LoadResult) saga.get("saga"));
            }
            for (LoadResult r : all) {
                Latencies.Summary a = (Latencies.Summary) r.extra().get("acceptedToTerminal");
                Latencies.Summary s = (Latencies.Summary) r.extra().get("saga");
                if (a.count() == 0) {
                    md.append(row(r.name(), "-", "-", "-", "-", "-", "-", Figures.number(r.throughput(), 1) + "/s",
                            r.latency().failures() + (r.unfinished() > 0 ? ", " + r.unfinished() + " unfinished" : "")));
                    continue;
                }
                md.append(row(r.name(), Figures.millis(a.p50()), Figures.millis(a.p90()), Figures.millis(a.p99()),
                        Figures.millis(a.max()), Figures.millis(s.p50()), Figures.millis(s.p99()),
                        Figures.number(r.throughput(), 1) + "/s",
                        r.latency().failures().isEmpty() ? "none" : r.latency().failures().toString()));
            }
            md.append('\n');
        }
        if (saga != null) {
            LoadResult s = (LoadResult) saga.get("saga");
            LoadResult b = (LoadResult) saga.get("baseline");
            md.append("**Saga vs participants in-process** (closed loop, ").append(b.concurrency())
                    .append(" clients): saga ").append(Figures.number(s.throughput(), 1))
                    .append(" checkouts/s, in-process ").append(Figures.number(b.throughput(), 1))
                    .append("/s (p50 ").append(Figures.millis(b.latency().p50())).append("), ratio ")
                    .append(Figures.ratio((Double) saga.get("throughputRatio"))).append(".\n\n");
        }

        List<LoadResult> assistant = (List<LoadResult>) results.get("assistant");
        if (assistant != null) {
            md.append("**Assistant**\n\n| run | p50 | p90 | p99 | max | outcomes |\n|---|---:|---:|---:|---:|---|\n");
            for (LoadResult r : assistant) {
                Latencies.Summary s = r.latency();
                md.append(row(r.name(), Figures.millis(s.p50()), Figures.millis(s.p90()), Figures.millis(s.p99()),
                        Figures.millis(s.max()), r.extra().isEmpty() ? s.failures().toString()
                                : r.extra() + (s.failures().isEmpty() ? "" : " " + s.failures())));
            }
            md.append('\n');
        }

        List<ColdStarts.ColdStart> cold = (List<ColdStarts.ColdStart>) results.get("coldStarts");
        if (cold != null && !cold.isEmpty()) {
            md.append("**Cold start** (first invocation in the JVM vs warm p50, from metering)\n\n")
                    .append("| function | trigger | cold | warm p50 | cold/warm |\n|---|---|---:|---:|---:|\n");
            cold.stream().limit(12).forEach(c -> md.append(row(c.function(), c.trigger(),
                    Figures.millis(c.coldMillis()), c.warm() == 0 ? "-" : Figures.millis(c.warmP50Millis()),
                    c.warm() == 0 ? "-" : Figures.ratio(c.ratio()))));
            md.append('\n');
        }

        Map<String, Object> cost = (Map<String, Object>) results.get("cost");
        if (cost != null) {
            md.append("**Cost of the run** (").append(cost.get("invocations")).append(" invocations, ")
                    .append(cost.get("successfulOrders")).append(" orders; list prices as of ")
                    .append(cost.get("pricesAsOf")).append(")\n\n")
                    .append("| platform | per 1,000 orders | saga engine per 1,000 checkouts |\n|---|---:|---:|\n");
            ((Map<String, Object>) cost.get("platforms")).forEach((platform, value) -> {
                Map<String, Object> f = (Map<String, Object>) value;
                md.append(row(platform, Figures.usd((Double) f.get("per1000OrdersUsd")),
                        Figures.usd((Double) f.get("sagaEnginePer1000CheckoutsUsd"))));
            });
            Map<String, Object> o = (Map<String, Object>) cost.get("orchestration");
            md.append(row("Step Functions Standard", "", Figures.usd((Double) o.get("stepFunctionsStandardPer1000CheckoutsUsd"))));
            md.append(row("Step Functions Express", "", Figures.usd((Double) o.get("stepFunctionsExpressPer1000CheckoutsUsd"))));
            md.append('\n');
        }
        try {
            Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }
}
