package dev.shop.perf.suite;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.shop.local.servers.LocalServers;
import dev.shop.local.servers.ServerSettings;
import dev.shop.perf.StackTarget;
import dev.shop.perf.checkout.CheckoutCommand;
import dev.shop.perf.checkout.CheckoutProducts;
import dev.shop.perf.cost.CostCommand;
import dev.shop.perf.cost.CostReport;
import dev.shop.perf.cost.CostReportFiles;
import dev.shop.perf.cost.Pricing;
import dev.shop.perf.load.LoadResult;
import dev.shop.perf.load.ShopHttp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./perf/run suite}: every scenario against one running stack, then the cost of what it did. Without
 * {@code --base} it starts a local stack of its own ({@code ./localstack/start}) on a free port and stops it at the
 * end, so cold starts are real and the run is the same from any clean checkout.
 */
@Command(name = "suite", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Runs the whole performance suite and writes perf/results/<time>/ (suite.json, report.html "
                + "with charts, the cost report under cost/): cold start per function; the catalog (79% "
                + "GET /products/{sku} Zipf s=1.0, 20% list/search, 1% updates) open loop at several rates and closed "
                + "loop; getProduct with the cache on vs off, on loopback and with a network's latency added; "
                + "checkouts open loop at several rates and closed loop, against the participants called "
                + "in-process; assistant journeys; the cost of it all per platform."})
public final class SuiteCommand implements Callable<Integer> {

    /** A checkout still running this long has met a saturated stack; waiting longer only stretches the run. */
    private static final Duration CHECKOUT_DEADLINE = Duration.ofSeconds(45);

    @Option(names = "--base", paramLabel = "URL",
            description = "drive this running stack (its database from SHOP_DB_URL or its stack file); "
                    + "default: start a local stack for the run and stop it after")
    URI base;

    @Option(names = "--port", defaultValue = "0", description = "port of the stack the suite starts (default: a free one)")
    int port;

    @Option(names = "--admin-token", paramLabel = "TOKEN", description = "with --base: the stack's admin token "
            + "(default SHOP_ADMIN_TOKEN, else its stack file)")
    String adminToken;

    @Option(names = "--out", paramLabel = "DIR", description = "default: perf/results/<time>")
    Path out;

    @Option(names = "--products", defaultValue = "10000", description = "catalog size (default ${DEFAULT-VALUE})")
    int products;

    @Option(names = "--catalog-rates", split = ",", defaultValue = "100,200,300",
            description = "catalog arrivals per second (default ${DEFAULT-VALUE})")
    List<Double> catalogRates;

    @Option(names = "--checkout-rates", split = ",", defaultValue = "2,5,10",
            description = "checkouts per second (default ${DEFAULT-VALUE})")
    List<Double> checkoutRates;

    @Option(names = "--seconds", defaultValue = "15", description = "measured seconds per run (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", defaultValue = "5", description = "unmeasured seconds first (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--cache-rate", defaultValue = "200",
            description = "getProduct calls per second in the cache comparison (default ${DEFAULT-VALUE})")
    double cacheRate;

    @Option(names = "--postgres-rtt-ms", defaultValue = "2.0",
            description = "round trip added to Postgres in the latency comparison (default ${DEFAULT-VALUE})")
    double postgresRttMs;

    @Option(names = "--redis-rtt-ms", defaultValue = "0.3",
            description = "round trip added to Redis in the latency comparison (default ${DEFAULT-VALUE})")
    double redisRttMs;

    @Option(names = "--clients", defaultValue = "16",
            description = "closed-loop clients, catalog and checkout (default ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--skip", split = ",", paramLabel = "SCENARIO",
            description = "leave out: catalog, cache, checkout, saga, assistant")
    Set<String> skip = Set.of();

    @Override
    public Integer call() throws Exception {
        Instant began = Instant.now();
        Path directory = out != null ? out : Path.of("perf", "results", DateTimeFormatter
                .ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC).format(began));
        Files.createDirectories(directory);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("began", began);
        results.put("machine", machine());
        LocalStackProcess own = null;
        StackTarget target;
        if (base == null) {
            Suite.progress("starting a local stack (./localstack/start; log in %s)", directory.resolve("stack.log"));
            own = LocalStackProcess.start(port, directory.resolve("stack.log"), Duration.ofMinutes(10));
            target = StackTarget.of(own.stack());
        } else {
            target = StackTarget.resolve(base, null, null, null, adminToken);
        }
        results.put("stack", Map.of("base", target.base().toString(), "startedBySuite", own != null));
        Suite.progress("stack at %s", target.base());
        Instant windowStart = Instant.now();
        Duration warm = Duration.ofSeconds(warmup);
        Duration measure = Duration.ofSeconds(seconds);
        LoadResult sagaMax = null;
        try (ShopHttp http = new ShopHttp(target.base(), target.adminToken())) {
            results.put("firstCalls", FirstCalls.probe(http));

            // Checkouts and the assistant first, on the demo catalog: writing the large catalog sets every
            // product-event consumer working for a while, and that would be charged to them.
            List<String> checkoutSkus = List.of();
            if (!skip.contains("checkout") || !skip.contains("saga")) {
                checkoutSkus = CheckoutProducts.ensure(http, 50, 1_000_000);
                StackSettling.await(target, "setting up checkout products", Duration.ofSeconds(30));
            }
            if (!skip.contains("checkout")) {
                List<LoadResult> runs = new ArrayList<>();
                for (double rate : checkoutRates) {
                    LoadResult result = CheckoutCommand.run(http, checkoutSkus, true, rate, null, warm, measure,
                            CHECKOUT_DEADLINE);
                    CheckoutCommand.print(result);
                    runs.add(result);
                    StackSettling.await(target, "the checkout run", Duration.ofSeconds(60));
                }
                // A shopper app that does not track cart versions: checkouts straight after the cart change.
                LoadResult plain = CheckoutCommand.run(http, checkoutSkus, false, checkoutRates.getFirst(), null,
                        warm, measure, CHECKOUT_DEADLINE);
                CheckoutCommand.print(plain);
                runs.add(plain);
                StackSettling.await(target, "the checkout run", Duration.ofSeconds(60));
                results.put("checkout", runs);
            }
            if (!skip.contains("saga")) {
                sagaMax = CheckoutCommand.run(http, checkoutSkus, true, 0, clients, warm, measure,
                        CHECKOUT_DEADLINE);
                CheckoutCommand.print(sagaMax);
                StackSettling.await(target, "the closed-loop checkouts", Duration.ofSeconds(60));
            }
            if (!skip.contains("assistant")) {
                AssistantScenario assistant = new AssistantScenario(http);
                results.put("assistant", List.of(report(assistant.parse(10, warm, measure)),
                        report(assistant.execute(1, warm, measure))));
                StackSettling.await(target, "the assistant journeys", Duration.ofSeconds(60));
            }

            if (!skip.contains("catalog")) {
                Suite.progress("catalog: writing %d products", products);
                CatalogScenario.seed(http, products, 8);
                StackSettling.await(target, "writing the catalog", Duration.ofSeconds(60));
                CatalogScenario.warmCache(http, products, 8);
                CatalogScenario catalog = new CatalogScenario(http, products, 1);
                List<LoadResult> runs = new ArrayList<>();
                for (double rate : catalogRates) {
                    runs.add(report(catalog.open(rate, warm, measure)));
                    StackSettling.await(target, "the catalog run", Duration.ofSeconds(30));
                }
                runs.add(report(catalog.closed(clients, warm, measure)));
                results.put("catalog", runs);
            }
            Instant windowEnd = Instant.now();

            Suite.progress("cold starts and cost of %s .. %s", windowStart, windowEnd);
            results.put("coldStarts", ColdStarts.read(target));
            CostReport cost = CostCommand.run(new CostReport.Window(windowStart, windowEnd), Pricing.bundled(), false,
                    target, "metering", "checkout", Set.of("advanceCheckout", "sweepCheckouts"));
            CostReportFiles.write(cost, directory.resolve("cost"));
            results.put("cost", CostReportFiles.summary(cost));
        } finally {
            if (own != null) {
                Suite.progress("stopping the local stack");
                own.close();
            }
        }

        // In this JVM, on servers of its own, once the stack under test is stopped (if the suite started it).
        if (!skip.contains("cache") || sagaMax != null) {
            Suite.progress("in-process comparisons: starting servers of their own");
            try (LocalServers servers = LocalServers.start(ServerSettings.fromEnvironment())) {
                if (!skip.contains("cache")) {
                    results.put("cacheComparison", CacheComparison.run(servers, products, cacheRate, warm, measure,
                            List.of(new CacheComparison.Setting("loopback", 0, 0),
                                    new CacheComparison.Setting("network", micros(postgresRttMs / 2),
                                            micros(redisRttMs / 2)))));
                }
                if (sagaMax != null) {
                    try (ParticipantsBaseline baseline = new ParticipantsBaseline(servers, 50)) {
                        LoadResult in = report(baseline.closed(clients, warm, measure));
                        Map<String, Object> saga = new LinkedHashMap<>();
                        saga.put("saga", sagaMax);
                        saga.put("baseline", in);
                        saga.put("baselineReplies", baseline.replies());
                        saga.put("throughputRatio", sagaMax.throughput() / in.throughput());
                        results.put("sagaVsBaseline", saga);
                    }
                }
            }
        }
        results.put("ended", Instant.now());
        results.put("machineAtEnd", machine());
        new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT).writeValue(directory.resolve("suite.json").toFile(), results);
        Path html = SuiteReport.write(results, directory, postgresRttMs, redisRttMs);
        SuiteSummary.write(results, directory.resolve("summary.md"));
        Suite.progress("done in %d s: %s", Duration.between(began, Instant.now()).toSeconds(), html.toAbsolutePath());
        return 0;
    }

    private static LoadResult report(LoadResult result) {
        Suite.progress("%s: p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f max %.2f ms, %.1f/s, %d failed", result.name(),
                result.latency().p50(), result.latency().p90(), result.latency().p99(), result.latency().p999(),
                result.latency().max(), result.throughput(), result.latency().failed());
        return result;
    }

    private static long micros(double millis) {
        return Math.round(millis * 1000);
    }

    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.version"));
        try {
            machine.put("loadAverage", Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).strip());
        } catch (IOException | RuntimeException e) {
            machine.put("loadAverage", String.format(Locale.ROOT, "%.2f",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        }
        return machine;
    }
}
