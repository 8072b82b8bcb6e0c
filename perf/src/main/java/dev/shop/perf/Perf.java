package dev.shop.perf;

import dev.shop.perf.checkout.CheckoutCommand;
import dev.shop.perf.cost.CostCommand;
import dev.shop.perf.suite.SuiteCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./perf/run <name>}: the benchmarks, the cost report and the performance suite. */
@Command(name = "perf/run", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "The shop's benchmarks, cost report and performance suite.",
        subcommands = {SuiteCommand.class, CostCommand.class, CheckoutCommand.class, CatalogReadBenchmark.class,
                ParseIntentBenchmark.class})
public final class Perf implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Perf()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
