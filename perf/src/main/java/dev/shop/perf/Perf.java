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
                ParseIntentBenchmark.class, ColdStartBenchmark.class})
public final class Perf implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Perf()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Perf::failed).execute(args));
    }

    /** A setting or a stack that is not there is one line for the user; anything else keeps its stack trace. */
    private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof IllegalStateException || e instanceof IllegalArgumentException
                || e instanceof java.sql.SQLException) {
            System.err.println(command.getCommandName() + ": " + e.getMessage());
            return 1;
        }
        throw e;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
