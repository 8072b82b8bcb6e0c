package dev.shop.perf.checkout;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.shop.perf.StackTarget;
import dev.shop.perf.load.Latencies;
import dev.shop.perf.load.LoadDriver;
import dev.shop.perf.load.LoadResult;
import dev.shop.perf.load.ShopHttp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./perf/run checkout}: checkouts at a fixed arrival rate (or N concurrent shoppers) against a running stack. */
@Command(name = "checkout", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Open-loop checkouts against a running stack: each arrival adds an item to a fresh cart, "
                + "checks out at once and follows the checkout to its end. Prints p50/p90/p99/max from POST "
                + "accepted to the terminal state, the saga's own duration, the whole journey, completed/s and "
                + "failures by reason. The warm-up is not measured."})
public final class CheckoutCommand implements Callable<Integer> {

    @Option(names = "--rate", paramLabel = "R", defaultValue = "10",
            description = "checkouts started per second, Poisson arrivals (default ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "60",
            description = "measured seconds (default ${DEFAULT-VALUE})")
    int duration;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "10",
            description = "seconds before measuring (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--closed", paramLabel = "N",
            description = "closed loop instead: N shoppers, each starting the next checkout when the last ended")
    Integer closed;

    @Option(names = "--base", paramLabel = "URL", description = "the stack's gateway (default http://127.0.0.1:8080)")
    URI base;

    @Option(names = "--admin-token", paramLabel = "TOKEN",
            description = "to set up the products (default: SHOP_ADMIN_TOKEN, else the local stack's stack file)")
    String adminToken;

    @Option(names = "--skus", paramLabel = "N", defaultValue = "50",
            description = "distinct products bought (default ${DEFAULT-VALUE}), each with a large stock")
    int skus;

    @Option(names = "--cart-version", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "send the cart version the cart answered with the checkout (default: send it)")
    boolean cartVersion;

    @Option(names = "--deadline", paramLabel = "S", defaultValue = "120",
            description = "seconds a checkout may take before it counts as failed (default ${DEFAULT-VALUE})")
    int deadline;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the result as JSON")
    Path json;

    @Override
    public Integer call() throws IOException, InterruptedException {
        StackTarget target = StackTarget.resolve(base, null, null, null, adminToken);
        try (ShopHttp http = new ShopHttp(target.base(), target.adminToken())) {
            List<String> products = CheckoutProducts.ensure(http, skus, 1_000_000);
            LoadResult result = run(http, products, cartVersion, rate, closed, Duration.ofSeconds(warmup),
                    Duration.ofSeconds(duration), Duration.ofSeconds(deadline));
            print(result);
            if (json != null) {
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
            }
            return 0;
        }
    }

    /**
     * The checkout load, open loop at {@code rate} or closed loop with {@code closed} shoppers; a checkout not
     * ended {@code deadline} after its 202 counts as a failure, and so do those still under way that long after
     * the last arrival.
     */
    public static LoadResult run(ShopHttp http, List<String> products, boolean cartVersion, double rate,
                                 Integer closed, Duration warmup, Duration measure, Duration deadline) {
        CheckoutJourneys journeys = new CheckoutJourneys(http, products, cartVersion, deadline)
                .measureFrom(System.nanoTime() + warmup.toNanos());
        String name = (closed == null ? String.format(Locale.ROOT, "checkout %.0f/s", rate)
                : "checkout closed x" + closed) + (cartVersion ? "" : ", no cart version");
        return closed == null
                ? LoadDriver.open(name, rate, warmup, measure, deadline, 42, journeys, journeys::extra)
                : LoadDriver.closed(name, closed, warmup, measure, journeys, journeys::extra);
    }

    public static void print(LoadResult result) {
        System.out.printf(Locale.ROOT, "%n%s: %d checkouts started in %.0f s measured (after %.0f s warm-up)%n",
                result.name(), result.offered(), result.measureSeconds(), result.warmupSeconds());
        System.out.printf(Locale.ROOT, "%-38s %9s %9s %9s %9s %7s%n", "ms", "p50", "p90", "p99", "max", "n");
        line("POST accepted -> terminal", (Latencies.Summary) result.extra().get("acceptedToTerminal"));
        line("saga (server startedAt -> updatedAt)", (Latencies.Summary) result.extra().get("saga"));
        line("journey (scheduled -> succeeded seen)", result.latency());
        System.out.printf(Locale.ROOT, "completed: %d succeeded, %.1f/s; failed: %d; unfinished: %d%n",
                result.latency().count(), result.throughput(), result.latency().failed(), result.unfinished());
        for (Map.Entry<String, Long> failure : result.latency().failures().entrySet()) {
            System.out.printf(Locale.ROOT, "  %6d  %s%n", failure.getValue(), failure.getKey());
        }
    }

    private static void line(String label, Latencies.Summary s) {
        System.out.printf(Locale.ROOT, "%-38s %9.1f %9.1f %9.1f %9.1f %7d%n", label, s.p50(), s.p90(), s.p99(),
                s.max(), s.count());
    }
}
