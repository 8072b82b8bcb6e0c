package dev.shop.perf.cost;

import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.shop.perf.StackTarget;
import dev.shop.perf.Times;
import dev.shop.perf.report.Figures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./perf/run cost}: prices the metered invocations of a window for finance. */
@Command(name = "cost", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Prices the invocations the stack metered in a window (metering.invocations) on AWS Lambda "
                + "(x86_64, arm64) + API Gateway and on Knative (Cloud Run prices), per function, per day and per "
                + "successful order, with a memory what-if and what the checkouts would cost on Step Functions. "
                + "Writes cost.csv, cost-by-day.csv, memory-what-if.csv, cost.json and report.html (with charts)."},
        footerHeading = "%nDatabase:%n",
        footer = {"  --db-url, else SHOP_DB_URL (with SHOP_DB_USER, SHOP_DB_PASSWORD) as the stack reads them, else",
                "  the stack file a running ./localstack/start writes for the port of --base",
                "  (${java.io.tmpdir}/shop-local/stack-<port>.json)."})
public final class CostCommand implements Callable<Integer> {

    @Option(names = "--from", paramLabel = "T", converter = Times.class,
            description = "window start, inclusive (now, -2h, 2026-12-02, 2026-12-02T14:00, ...Z; default: --to minus 24 h)")
    Instant from;

    @Option(names = "--to", paramLabel = "T", converter = Times.class,
            description = "window end, exclusive (default: now)")
    Instant to;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write (default: perf/results/cost-<time>)")
    Path out;

    @Option(names = "--pricing", paramLabel = "FILE",
            description = "price list JSON (default: the bundled " + Pricing.BUNDLED + ")")
    Path pricingFile;

    @Option(names = "--free-tier", description = "subtract the monthly free tiers (an account's only usage)")
    boolean freeTier;

    @Option(names = "--base", paramLabel = "URL", description = "the stack's gateway, to find its stack file "
            + "(default: " + "http://127.0.0.1:8080)")
    URI base;

    @Option(names = "--db-url", paramLabel = "JDBC", description = "the stack's database")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD")
    String dbPassword;

    @Option(names = "--metering-schema", defaultValue = "metering", description = "default: ${DEFAULT-VALUE}")
    String meteringSchema;

    @Option(names = "--saga-schema", defaultValue = "checkout", description = "default: ${DEFAULT-VALUE}")
    String sagaSchema;

    @Option(names = "--engine-functions", split = ",", defaultValue = "advanceCheckout,sweepCheckouts",
            description = "the saga engine's own functions (default: ${DEFAULT-VALUE})")
    List<String> engineFunctions;

    @Override
    public Integer call() throws SQLException {
        Instant end = to == null ? Instant.now() : to;
        Instant start = from == null ? end.minus(Duration.ofHours(24)) : from;
        StackTarget target = StackTarget.resolve(base, dbUrl, dbUser, dbPassword, null);
        Path directory = out != null ? out : Path.of("perf", "results", "cost-" + DateTimeFormatter
                .ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC).format(Instant.now()));
        Pricing pricing = pricingFile == null ? Pricing.bundled() : Pricing.read(pricingFile);
        CostReport report = run(new CostReport.Window(start, end), pricing, freeTier, target, meteringSchema,
                sagaSchema, Set.copyOf(engineFunctions));
        Path html = CostReportFiles.write(report, directory);
        print(report);
        System.out.println("report: " + html.toAbsolutePath());
        return 0;
    }

    /** Reads and prices the window, with a progress line on stderr while it reads. */
    public static CostReport run(CostReport.Window window, Pricing pricing, boolean freeTier, StackTarget target,
                                 String meteringSchema, String sagaSchema, Set<String> engineFunctions)
            throws SQLException {
        try (MeteringStore store = new MeteringStore(target, meteringSchema, sagaSchema)) {
            long expected = store.count(window);
            List<SagaExecution> executions = store.executions(window);
            progress("%s invocations and %s checkouts from %s to %s", Figures.count(expected),
                    Figures.count(executions.size()), window.from(), window.to());
            CostReport.Builder builder = new CostReport.Builder(window, pricing, freeTier, executions,
                    engineFunctions);
            long[] read = {0};
            long[] lastLine = {System.nanoTime()};
            store.stream(window, invocation -> {
                builder.add(invocation);
                read[0]++;
                if (System.nanoTime() - lastLine[0] > 1_000_000_000L) {
                    lastLine[0] = System.nanoTime();
                    progress("priced %s of %s invocations (%.0f%%)", Figures.count(read[0]),
                            Figures.count(expected), 100.0 * read[0] / Math.max(1, expected));
                }
            });
            progress("priced %s invocations", Figures.count(read[0]));
            return builder.build();
        }
    }

    private static void print(CostReport report) {
        System.out.printf(Locale.ROOT, "%n%s invocations, %s successful orders, prices as of %s%n",
                Figures.count(report.total().invocations()), Figures.count(report.orders().count()),
                report.pricing().asOf());
        System.out.printf(Locale.ROOT, "%-34s %14s %16s %18s%n", "platform", "variable", "per order",
                "per 1,000 orders");
        for (CostReport.Bill bill : report.bills()) {
            Platform p = bill.platform();
            System.out.printf(Locale.ROOT, "%-34s %14s %16s %18s%n", p.label(), Figures.usd(bill.billed()),
                    Figures.usd(report.orders().mean(p)), Figures.usd(report.orders().mean(p) * 1000));
        }
        CostReport.Orchestration saga = report.orchestration();
        System.out.printf(Locale.ROOT, "orchestration per 1,000 checkouts: saga engine on Lambda x86 %s, "
                        + "Step Functions Standard %s, Express %s%n",
                Figures.usd(saga.perThousand(saga.engine().awsX86())), Figures.usd(saga.perThousand(saga.standard())),
                Figures.usd(saga.perThousand(saga.express())));
    }

    private static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[cost] " + format + "%n", args);
    }
}
