package dev.shop.perf.cost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.shop.perf.report.Charts;
import dev.shop.perf.report.Figures;
import dev.shop.perf.report.HtmlPage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a {@link CostReport} for finance: {@code cost.csv} (per function, then the total), {@code cost-by-day.csv},
 * {@code memory-what-if.csv}, {@code cost.json} (the headline figures, for tools) and {@code report.html} with its
 * PNG charts.
 */
public final class CostReportFiles {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private CostReportFiles() {
    }

    public static Path write(CostReport report, Path directory) {
        try {
            Files.createDirectories(directory);
            writeFunctions(report, directory.resolve("cost.csv"));
            writeDays(report, directory.resolve("cost-by-day.csv"));
            writeWhatIf(report, directory.resolve("memory-what-if.csv"));
            JSON.writeValue(directory.resolve("cost.json").toFile(), summary(report));
            charts(report, directory);
            html(report).write(directory.resolve("report.html"));
            return directory.resolve("report.html");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cost report to " + directory, e);
        }
    }

    /** The headline figures, as {@code cost.json} holds them. */
    public static Map<String, Object> summary(CostReport report) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("from", report.window().from());
        summary.put("to", report.window().to());
        summary.put("pricesAsOf", report.pricing().asOf());
        summary.put("freeTier", report.freeTier());
        summary.put("invocations", report.total().invocations());
        summary.put("coldStarts", report.total().coldStarts());
        summary.put("successfulOrders", report.orders().count());
        Map<String, Object> platforms = new LinkedHashMap<>();
        CostReport.Orchestration saga = report.orchestration();
        for (CostReport.Bill bill : report.bills()) {
            Platform platform = bill.platform();
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("variableListUsd", bill.list());
            figures.put("variableBilledUsd", bill.billed());
            figures.put("perOrderUsd", report.orders().mean(platform));
            figures.put("per1000OrdersUsd", report.orders().mean(platform) * 1000);
            figures.put("sagaEnginePer1000CheckoutsUsd", saga.perThousand(saga.engine().cost(platform)));
            platforms.put(platform.name(), figures);
        }
        summary.put("platforms", platforms);
        summary.put("fixedForWindowUsd", report.fixedForWindow());
        Map<String, Object> orchestration = new LinkedHashMap<>();
        orchestration.put("checkouts", saga.checkouts());
        orchestration.put("stateTransitions", saga.transitions());
        orchestration.put("retries", saga.retries());
        orchestration.put("stepFunctionsStandardPer1000CheckoutsUsd", saga.perThousand(saga.standard()));
        orchestration.put("stepFunctionsExpressPer1000CheckoutsUsd", saga.perThousand(saga.express()));
        summary.put("orchestration", orchestration);
        return summary;
    }

    private static void writeFunctions(CostReport report, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("function", "module",
                     "memory_mb", "triggers", "invocations", "cold_starts", "not_success", "p50_ms", "p99_ms",
                     "billed_ms_x86", "gb_s_x86", "gb_s_arm64", "lambda_x86_usd", "lambda_arm64_usd",
                     "api_gateway_usd", "aws_x86_usd", "aws_arm64_usd", "knative_vcpu_s", "knative_gib_s",
                     "knative_usd", "share_aws_x86", "share_knative").get())) {
            for (CostReport.FunctionCost f : report.functions()) {
                Usage u = f.usage();
                csv.printRecord(f.function(), f.module(), f.memoryMb(), String.join("|", f.triggers()),
                        u.invocations(), u.coldStarts(), u.errors(), decimal(f.p50Millis()), decimal(f.p99Millis()),
                        u.billedMillisX86(), decimal(u.gbSecondsX86()), decimal(u.gbSecondsArm64()),
                        decimal(u.lambdaX86()), decimal(u.lambdaArm64()), decimal(u.apiGateway()),
                        decimal(u.awsX86()), decimal(u.awsArm64()), decimal(u.knativeVcpuSeconds()),
                        decimal(u.knativeGibSeconds()), decimal(u.knative()),
                        decimal(report.share(f, Platform.AWS_X86)), decimal(report.share(f, Platform.KNATIVE)));
            }
            Usage t = report.total();
            csv.printRecord("TOTAL", "", "", "", t.invocations(), t.coldStarts(), t.errors(), "", "",
                    t.billedMillisX86(), decimal(t.gbSecondsX86()), decimal(t.gbSecondsArm64()),
                    decimal(t.lambdaX86()), decimal(t.lambdaArm64()), decimal(t.apiGateway()), decimal(t.awsX86()),
                    decimal(t.awsArm64()), decimal(t.knativeVcpuSeconds()), decimal(t.knativeGibSeconds()),
                    decimal(t.knative()), t.invocations() == 0 ? "0" : "1", t.invocations() == 0 ? "0" : "1");
        }
    }

    private static void writeDays(CostReport report, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("day", "invocations",
                     "cold_starts", "aws_x86_usd", "aws_arm64_usd", "knative_usd").get())) {
            for (Map.Entry<LocalDate, Usage> day : report.days().entrySet()) {
                Usage u = day.getValue();
                csv.printRecord(day.getKey(), u.invocations(), u.coldStarts(), decimal(u.awsX86()),
                        decimal(u.awsArm64()), decimal(u.knative()));
            }
        }
    }

    private static void writeWhatIf(CostReport report, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("function",
                     "configured_mb", "memory_mb", "expected_p50_ms", "lambda_x86_usd_per_million", "cheapest")
                     .get())) {
            for (CostReport.WhatIf w : report.memoryWhatIf()) {
                csv.printRecord(w.function(), w.configuredMb(), w.memoryMb(), decimal(w.p50Millis()),
                        decimal(w.costPerMillion()), w.cheapest());
            }
        }
    }

    private static void charts(CostReport report, Path directory) {
        Map<String, Map<String, ? extends Number>> byFunction = new LinkedHashMap<>();
        report.functions().stream().limit(15).forEach(f -> {
            Map<String, Double> costs = new LinkedHashMap<>();
            for (Platform platform : Platform.values()) {
                costs.put(platform.label(), f.usage().cost(platform));
            }
            byFunction.put(f.function(), costs);
        });
        Charts.bars(directory.resolve("cost-by-function.png"), "Cost by function (list price, USD)", "function",
                "USD", byFunction, true, false);
        Map<String, Map<String, ? extends Number>> byDay = new LinkedHashMap<>();
        report.days().forEach((day, u) -> {
            Map<String, Double> costs = new LinkedHashMap<>();
            for (Platform platform : Platform.values()) {
                costs.put(platform.label(), u.cost(platform));
            }
            byDay.put(day.toString(), costs);
        });
        Charts.bars(directory.resolve("cost-by-day.png"), "Cost by day (UTC, list price, USD)", "day", "USD",
                byDay, false, false);
        Map<String, List<double[]>> whatIf = new LinkedHashMap<>();
        List<String> top = report.functions().stream().limit(5).map(CostReport.FunctionCost::function).toList();
        for (CostReport.WhatIf w : report.memoryWhatIf()) {
            if (top.contains(w.function())) {
                whatIf.computeIfAbsent(w.function(), f -> new ArrayList<>())
                        .add(new double[] {w.memoryMb(), w.costPerMillion()});
            }
        }
        Charts.lines(directory.resolve("memory-what-if.png"),
                "Memory what-if: Lambda x86_64 cost per million invocations", "memory (MB)", "USD per million",
                whatIf, true);
    }

    private static HtmlPage html(CostReport report) {
        Pricing pricing = report.pricing();
        HtmlPage page = new HtmlPage("Pay-per-invocation cost report");
        page.paragraph("Window " + report.window().from() + " to " + report.window().to() + " (UTC, "
                + Figures.number(report.window().hours(), 2) + " h): " + Figures.count(report.total().invocations())
                + " invocations, " + Figures.count(report.total().coldStarts()) + " cold starts, "
                + Figures.count(report.orders().count()) + " successful orders.");
        page.note("Prices as of " + pricing.asOf() + " (" + pricing.currency() + "). " + pricing.note()
                + " Free tier " + (report.freeTier() ? "applied" : "not applied") + ".");

        page.heading("Totals");
        List<List<String>> totals = new ArrayList<>();
        for (CostReport.Bill bill : report.bills()) {
            Platform p = bill.platform();
            totals.add(List.of(p.label(), Figures.usd(bill.list()), Figures.usd(bill.billed()),
                    Figures.usd(report.orders().mean(p)), Figures.usd(report.orders().mean(p) * 1000)));
        }
        page.table(List.of("platform", "variable (list)", "variable (tiers" + (report.freeTier() ? ", free tier)" : ")"),
                "per successful order", "per 1,000 orders"), totals);
        page.note("Fixed monthly inputs (" + String.join("; ", pricing.fixedMonthly().stream()
                .map(f -> f.name() + " " + Figures.usd(f.usd()) + ": " + f.what()).toList()) + ") come to "
                + Figures.usd(report.fixedForWindow()) + " for this window; they are the same on every platform and"
                + " are not in the per-order figures.");

        page.heading("Per function");
        page.image("cost-by-function.png", "cost by function");
        List<List<String>> rows = new ArrayList<>();
        for (CostReport.FunctionCost f : report.functions()) {
            Usage u = f.usage();
            rows.add(List.of(f.function(), String.join(", ", f.triggers()), Integer.toString(f.memoryMb()),
                    Figures.count(u.invocations()), Figures.count(u.coldStarts()), Figures.millis(f.p50Millis()),
                    Figures.millis(f.p99Millis()), Figures.number(u.gbSecondsX86(), 3), Figures.usd(u.awsX86()),
                    Figures.usd(u.awsArm64()), Figures.usd(u.knative()),
                    Figures.percent(report.share(f, Platform.AWS_X86))));
        }
        page.table(List.of("function", "trigger", "MB", "invocations", "cold", "p50", "p99", "billed GB-s (x86)",
                "AWS x86", "AWS arm64", "Knative", "share (AWS x86)"), rows);
        page.note("Lambda duration is billed rounded up to " + pricing.lambda().billingGranularityMs()
                + " ms; a cold start adds " + Figures.millis(pricing.coldStart().durationMs()) + " of start-up ("
                + (pricing.lambda().initBilled() ? "INIT billed" : "INIT not billed") + "). "
                + pricing.coldStart().note() + " Each HTTP invocation is one API Gateway HTTP API request. Knative: "
                + pricing.knative().note());

        page.heading("Per day");
        page.image("cost-by-day.png", "cost by day");
        List<List<String>> days = new ArrayList<>();
        report.days().forEach((day, u) -> days.add(List.of(day.toString(), Figures.count(u.invocations()),
                Figures.usd(u.awsX86()), Figures.usd(u.awsArm64()), Figures.usd(u.knative()))));
        page.table(List.of("day (UTC)", "invocations", "AWS x86", "AWS arm64", "Knative"), days);

        page.heading("Per successful order");
        CostReport.Orders orders = report.orders();
        List<List<String>> perOrder = new ArrayList<>();
        for (Platform p : Platform.values()) {
            perOrder.add(List.of(p.label(), Figures.usd(orders.mean(p)), Figures.usd(orders.percentile(p, 50)),
                    Figures.usd(orders.percentile(p, 99))));
        }
        page.table(List.of("platform", "mean", "p50", "p99"), perOrder);
        List<List<String>> calls = new ArrayList<>();
        orders.invocationsPerOrder().forEach((function, n) -> calls.add(List.of(function, Figures.number(n, 2))));
        page.paragraph("An order is every invocation that carries its checkout's correlation id (the shopper's"
                + " requests that sent it as x-correlation-id, the saga's commands and replies): on average");
        page.table(List.of("function", "invocations per order"), calls);

        page.heading("Orchestration: the same checkouts on AWS Step Functions");
        CostReport.Orchestration saga = report.orchestration();
        page.paragraph(Figures.count(saga.checkouts()) + " checkouts (" + Figures.count(saga.succeeded())
                + " succeeded, " + Figures.count(saga.terminal()) + " finished) entered states and retried tasks "
                + Figures.count(saga.transitions()) + " times by their own history (" + Figures.count(saga.retries())
                + " retries), " + Figures.number(saga.checkouts() == 0 ? 0 : (double) saga.transitions()
                / saga.checkouts(), 1) + " state transitions per checkout.");
        List<List<String>> orchestration = new ArrayList<>();
        for (Platform p : Platform.values()) {
            orchestration.add(List.of("Postgres-backed saga engine (" + String.join(", ", saga.engineFunctions())
                    + ") on " + p.label(), Figures.usd(saga.perThousand(saga.engine().cost(p)))));
        }
        orchestration.add(List.of("Step Functions Standard (per state transition)",
                Figures.usd(saga.perThousand(saga.standard()))));
        orchestration.add(List.of("Step Functions Express (per execution + duration at "
                + (int) pricing.stepFunctions().expressMemoryMb() + " MB)", Figures.usd(saga.perThousand(saga.express()))));
        page.table(List.of("orchestrator", "per 1,000 checkouts"), orchestration);
        page.note("Only orchestration differs: the participants (reserveInventory, processPayment, createOrder, ...)"
                + " run the same way under each. The engine's Kafka and Postgres are the fixed inputs above. "
                + pricing.stepFunctions().note());

        page.heading("Memory what-if (in the manner of aws-lambda-power-tuning)");
        page.image("memory-what-if.png", "memory what-if");
        page.note(pricing.memoryWhatIf().note() + " cpuBoundFraction = " + pricing.memoryWhatIf().cpuBoundFraction()
                + " (an input). Start-up is left out.");
        List<List<String>> whatIf = new ArrayList<>();
        for (CostReport.WhatIf w : report.memoryWhatIf()) {
            whatIf.add(List.of(w.function(), Integer.toString(w.memoryMb())
                            + (w.memoryMb() == w.configuredMb() ? " (configured)" : ""),
                    Figures.millis(w.p50Millis()), Figures.usd(w.costPerMillion()), w.cheapest() ? "cheapest" : ""));
        }
        page.table(List.of("function", "memory MB", "expected p50", "Lambda x86 per million", ""), whatIf);

        page.heading("Sources");
        List<List<String>> sources = new ArrayList<>();
        pricing.sources().forEach((what, url) -> sources.add(List.of(what, url)));
        page.table(List.of("price", "source"), sources);
        return page;
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.10g", value).replaceFirst("\\.?0+(e|$)", "$1");
    }
}
