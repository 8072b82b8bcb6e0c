package dev.shop.perf.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.shop.perf.load.Latencies;
import dev.shop.perf.load.LoadResult;
import dev.shop.perf.report.Charts;
import dev.shop.perf.report.Figures;
import dev.shop.perf.report.HtmlPage;

/** The suite's human report: {@code report.html} and its charts, from the results {@code suite.json} holds. */
final class SuiteReport {

    private SuiteReport() {
    }

    @SuppressWarnings("unchecked")
    static Path write(Map<String, Object> results, Path directory, double postgresRttMs, double redisRttMs) {
        HtmlPage page = new HtmlPage("Performance suite");
        Map<String, Object> machine = (Map<String, Object>) results.get("machine");
        Map<String, Object> atEnd = (Map<String, Object>) results.get("machineAtEnd");
        page.paragraph("Run " + results.get("began") + " to " + results.get("ended") + " on " + machine.get("cores")
                + " cores, Java " + machine.get("java") + "; load average (1, 5, 15 min) " + machine.get("loadAverage")
                + " at the start and " + atEnd.get("loadAverage") + " at the end. Stack: "
                + ((Map<String, Object>) results.get("stack")).get("base") + ".");
        page.note("Every latency is measured after the warm-up, in an HdrHistogram. Open loop: arrivals at a fixed "
                + "mean rate (Poisson), each latency counted from the arrival's scheduled time, so a slow response "
                + "never delays the next arrival's measurement (no coordinated omission). Closed loop: a fixed number "
                + "of clients, each sending its next request when the last one ended: the most the stack sustains.");

        List<LoadResult> catalog = (List<LoadResult>) results.get("catalog");
        if (catalog != null) {
            page.heading("Catalog");
            page.paragraph("79% GET /products/{sku} with SKUs from a Zipf distribution (s = 1.0) over "
                    + catalog.getFirst().extra().get("products") + " products, 10% list by category, 10% text search, "
                    + "1% price updates by an admin (SKUs from the same Zipf). Every product was read once before "
                    + "the first run, so the cache starts in its steady state; updates evict their entry.");
            latencyTable(page, catalog, true);
            opTable(page, catalog);
            Map<String, List<double[]>> lines = new LinkedHashMap<>();
            for (LoadResult r : catalog) {
                if (r.mode().equals("open")) {
                    lines.computeIfAbsent("p50", k -> new ArrayList<>()).add(new double[] {r.rate(), r.latency().p50()});
                    lines.computeIfAbsent("p99", k -> new ArrayList<>()).add(new double[] {r.rate(), r.latency().p99()});
                    lines.computeIfAbsent("p99.9", k -> new ArrayList<>()).add(new double[] {r.rate(), r.latency().p999()});
                }
            }
            Charts.lines(directory.resolve("catalog-latency.png"), "Catalog mix: latency by arrival rate",
                    "arrivals per second", "ms", lines, true);
            page.image("catalog-latency.png", "catalog latency by rate");
        }

        Map<String, Object> cache = (Map<String, Object>) results.get("cacheComparison");
        if (cache != null) {
            page.heading("Redis cache on vs off (getProduct)");
            page.paragraph("The same catalog, the same Zipf SKUs, the same open-loop rate; shop.catalog.cache-enabled "
                    + "true vs false. Measured at the function's HTTP face in one JVM (what Lambda bills), first with "
                    + "Postgres and Redis on loopback, then behind proxies that add a network's round trip: Postgres "
                    + Figures.millis(postgresRttMs) + " (a database in another availability zone, or behind RDS "
                    + "Proxy), Redis " + Figures.millis(redisRttMs) + " (a cache node in the same zone).");
            List<List<String>> rows = new ArrayList<>();
            Map<String, Map<String, Number>> bars = new LinkedHashMap<>();
            cache.forEach((setting, value) -> {
                Map<String, Object> pair = (Map<String, Object>) value;
                LoadResult on = (LoadResult) pair.get("on");
                LoadResult off = (LoadResult) pair.get("off");
                rows.add(List.of(setting, "on", Figures.millis(on.latency().p50()), Figures.millis(on.latency().p99()),
                        Figures.millis(on.latency().p999()), Figures.percent((Double) on.extra().get("cacheHitRate")),
                        ""));
                rows.add(List.of(setting, "off", Figures.millis(off.latency().p50()),
                        Figures.millis(off.latency().p99()), Figures.millis(off.latency().p999()), "-",
                        "p50 " + Figures.ratio((Double) pair.get("p50Ratio")) + ", p99 "
                                + Figures.ratio((Double) pair.get("p99Ratio"))));
                Map<String, Number> series = new LinkedHashMap<>();
                series.put("cache on p50", on.latency().p50());
                series.put("cache off p50", off.latency().p50());
                series.put("cache on p99", on.latency().p99());
                series.put("cache off p99", off.latency().p99());
                bars.put(setting, series);
            });
            page.table(List.of("setting", "cache", "p50", "p99", "p99.9", "hit rate", "off / on"), rows);
            Charts.bars(directory.resolve("cache-on-off.png"), "getProduct, cache on vs off", "setting", "ms",
                    bars, false, true);
            page.image("cache-on-off.png", "cache on vs off");
        }

        List<LoadResult> checkout = (List<LoadResult>) results.get("checkout");
        Map<String, Object> saga = (Map<String, Object>) results.get("sagaVsBaseline");
        if (checkout != null || saga != null) {
            page.heading("Checkout");
            page.paragraph("Each arrival adds one item to a fresh cart, checks out at once (no pause, with the cart "
                    + "version the cart answered) and follows the checkout to its end. 'Accepted to terminal' runs "
                    + "from the 202 of POST /checkouts to the execution's updatedAt; 'saga' is the execution's own "
                    + "startedAt to updatedAt; 'journey' is the whole arrival, from its scheduled time.");
            List<List<String>> rows = new ArrayList<>();
            List<LoadResult> all = new ArrayList<>(checkout == null ? List.of() : checkout);
            if (saga != null) {
                all.add((LoadResult) saga.get("saga"));
            }
            Map<String, List<double[]>> lines = new LinkedHashMap<>();
            for (LoadResult r : all) {
                Latencies.Summary accepted = (Latencies.Summary) r.extra().get("acceptedToTerminal");
                Latencies.Summary server = (Latencies.Summary) r.extra().get("saga");
                if (accepted.count() == 0) {
                    rows.add(List.of(r.name(), "-", "-", "-", "-", "-", "-", "-",
                            Figures.number(r.throughput(), 1) + "/s", failures(r)));
                    continue;
                }
                rows.add(List.of(r.name(), Figures.millis(accepted.p50()), Figures.millis(accepted.p90()),
                        Figures.millis(accepted.p99()), Figures.millis(accepted.max()), Figures.millis(server.p50()),
                        Figures.millis(server.p99()), Figures.millis(r.latency().p99()),
                        Figures.number(r.throughput(), 1) + "/s", failures(r)));
                if (r.mode().equals("open") && !r.name().endsWith("no cart version")) {
                    lines.computeIfAbsent("accepted to terminal p50", k -> new ArrayList<>())
                            .add(new double[] {r.rate(), accepted.p50()});
                    lines.computeIfAbsent("accepted to terminal p99", k -> new ArrayList<>())
                            .add(new double[] {r.rate(), accepted.p99()});
                }
            }
            page.table(List.of("run", "accepted→terminal p50", "p90", "p99", "max", "saga p50", "saga p99",
                    "journey p99", "completed", "failures"), rows);
            if (!lines.isEmpty()) {
                Charts.lines(directory.resolve("checkout-latency.png"), "Checkout: accepted to terminal by rate",
                        "checkouts per second", "ms", lines, true);
                page.image("checkout-latency.png", "checkout latency by rate");
            }
            if (saga != null) {
                LoadResult s = (LoadResult) saga.get("saga");
                LoadResult b = (LoadResult) saga.get("baseline");
                page.paragraph("Saga throughput against the participants called in-process (" + b.concurrency()
                        + " clients each, closed loop): saga " + Figures.number(s.throughput(), 1)
                        + " checkouts/s, in-process " + Figures.number(b.throughput(), 1) + " checkouts/s, ratio "
                        + Figures.ratio((Double) saga.get("throughputRatio")) + ". The baseline calls the same "
                        + "Kafka-facing participant functions with the saga's commands, one after the other, with no "
                        + "Kafka, no workflow engine and no HTTP between them; replies written: "
                        + saga.get("baselineReplies") + ".");
                Charts.bars(directory.resolve("saga-vs-baseline.png"), "Checkouts per second, closed loop", "",
                        "checkouts/s", Map.of("throughput", Map.of("saga (Kafka + engine)", s.throughput(),
                                "participants in-process", b.throughput())), false, false);
                page.image("saga-vs-baseline.png", "saga vs baseline");
            }
        }

        List<LoadResult> assistant = (List<LoadResult>) results.get("assistant");
        if (assistant != null) {
            page.heading("Assistant");
            latencyTable(page, assistant, false);
        }

        List<ColdStarts.ColdStart> cold = (List<ColdStarts.ColdStart>) results.get("coldStarts");
        if (cold != null && !cold.isEmpty()) {
            page.heading("Cold start per function");
            page.paragraph("From the stack's metering: each function's first invocation in its JVM (cold_start) "
                    + "against the median of its warm ones since. It is the first call's own time; the JVM's and "
                    + "Spring's start-up come before it and are the price list's coldStart input.");
            List<List<String>> rows = new ArrayList<>();
            Map<String, Map<String, Number>> bars = new LinkedHashMap<>();
            for (ColdStarts.ColdStart c : cold) {
                rows.add(List.of(c.function(), c.trigger(), Figures.millis(c.coldMillis()),
                        c.warm() == 0 ? "-" : Figures.millis(c.warmP50Millis()), Figures.count(c.warm()),
                        c.warm() == 0 ? "-" : Figures.ratio(c.ratio())));
                if (bars.size() < 16 && c.warm() > 0) {
                    bars.put(c.function(), Map.of("cold", c.coldMillis(), "warm p50", c.warmP50Millis()));
                }
            }
            page.table(List.of("function", "trigger", "cold", "warm p50", "warm calls", "cold / warm"), rows);
            Charts.bars(directory.resolve("cold-starts.png"), "Cold start vs warm p50", "function", "ms", bars, true,
                    true);
            page.image("cold-starts.png", "cold starts");
            List<FirstCalls.FirstCall> first = (List<FirstCalls.FirstCall>) results.get("firstCalls");
            List<List<String>> firstRows = new ArrayList<>();
            first.forEach(f -> firstRows.add(List.of(f.route(), Integer.toString(f.status()),
                    Figures.millis(f.firstMillis()), Figures.millis(f.secondMillis()))));
            page.paragraph("The first two calls of each read route through the gateway, before any load:");
            page.table(List.of("route", "status", "first", "second"), firstRows);
        }

        Map<String, Object> cost = (Map<String, Object>) results.get("cost");
        if (cost != null) {
            page.heading("Cost of this run");
            page.paragraph(cost.get("invocations") + " invocations and " + cost.get("successfulOrders")
                    + " successful orders in the suite's window, priced at list prices as of " + cost.get("pricesAsOf")
                    + " (free tier not applied). Full report: cost/report.html.");
            Map<String, Object> platforms = (Map<String, Object>) cost.get("platforms");
            List<List<String>> rows = new ArrayList<>();
            Map<String, Map<String, Number>> bars = new LinkedHashMap<>();
            Map<String, Number> series = new LinkedHashMap<>();
            platforms.forEach((platform, value) -> {
                Map<String, Object> figures = (Map<String, Object>) value;
                rows.add(List.of(platform, Figures.usd((Double) figures.get("variableBilledUsd")),
                        Figures.usd((Double) figures.get("per1000OrdersUsd")),
                        Figures.usd((Double) figures.get("sagaEnginePer1000CheckoutsUsd"))));
                series.put(platform, (Double) figures.get("per1000OrdersUsd"));
            });
            bars.put("per 1,000 orders", series);
            page.table(List.of("platform", "whole run", "per 1,000 orders", "saga engine per 1,000 checkouts"), rows);
            Map<String, Object> orchestration = (Map<String, Object>) cost.get("orchestration");
            page.paragraph("The same checkouts on Step Functions: Standard "
                    + Figures.usd((Double) orchestration.get("stepFunctionsStandardPer1000CheckoutsUsd"))
                    + " per 1,000 checkouts (" + orchestration.get("stateTransitions") + " state transitions), Express "
                    + Figures.usd((Double) orchestration.get("stepFunctionsExpressPer1000CheckoutsUsd")) + ".");
            Charts.bars(directory.resolve("cost-per-1000-orders.png"), "Cost per 1,000 orders (USD)", "", "USD",
                    bars, false, false);
            page.image("cost-per-1000-orders.png", "cost per 1,000 orders");
        }
        Path html = directory.resolve("report.html");
        page.write(html);
        return html;
    }

    private static void latencyTable(HtmlPage page, List<LoadResult> runs, boolean hitRate) {
        List<List<String>> rows = new ArrayList<>();
        for (LoadResult r : runs) {
            Latencies.Summary s = r.latency();
            List<String> row = new ArrayList<>(List.of(r.name(), Figures.count(r.offered()), Figures.millis(s.p50()),
                    Figures.millis(s.p90()), Figures.millis(s.p99()), Figures.millis(s.p999()),
                    Figures.millis(s.max()), Figures.number(r.throughput(), 1) + "/s"));
            if (hitRate) {
                row.add(Figures.percent((Double) r.extra().getOrDefault("cacheHitRate", 0.0)));
            }
            row.add(failures(r));
            rows.add(row);
        }
        List<String> header = new ArrayList<>(List.of("run", "arrivals", "p50", "p90", "p99", "p99.9", "max",
                "throughput"));
        if (hitRate) {
            header.add("hit rate");
        }
        header.add("failures");
        page.table(header, rows);
    }

    @SuppressWarnings("unchecked")
    private static void opTable(HtmlPage page, List<LoadResult> runs) {
        List<List<String>> rows = new ArrayList<>();
        for (LoadResult r : runs) {
            Map<String, Latencies.Summary> ops = (Map<String, Latencies.Summary>) r.extra().get("operations");
            ops.forEach((op, s) -> rows.add(List.of(r.name(), op, Figures.count(s.count()), Figures.millis(s.p50()),
                    Figures.millis(s.p99()), Figures.millis(s.p999()), Figures.count(s.failed()))));
        }
        page.table(List.of("run", "operation", "n", "p50", "p99", "p99.9", "failed"), rows);
    }

    private static String failures(LoadResult r) {
        if (r.latency().failures().isEmpty() && r.unfinished() == 0) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        r.latency().failures().forEach((reason, n) -> parts.add(n + " " + reason));
        if (r.unfinished() > 0) {
            parts.add(r.unfinished() + " unfinished");
        }
        return String.join("; ", parts);
    }
}
