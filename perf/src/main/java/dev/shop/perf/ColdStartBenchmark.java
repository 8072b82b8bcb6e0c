package dev.shop.perf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.lambda.FunctionDatabase;
import dev.shop.lambda.Invocation;
import dev.shop.lambda.LambdaArtifact;
import dev.shop.lambda.LambdaJvm;
import dev.shop.lambda.LambdaRuntimeApi;
import dev.shop.local.servers.FunctionProperties;
import dev.shop.local.servers.LocalServers;
import dev.shop.local.servers.SharedServers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Cold start of getProduct and addToCart, side by side in one run: the time from starting a Lambda instance's JVM
 * (the runtime interface client with the module's Lambda jar, as {@code lambda-artifacts} boots it) to its answer to
 * the first API Gateway event, which waits at the Runtime API before the JVM starts. Modes: the default JVM, Spring
 * AOT (the {@code -Daot} build's jar, {@code -Dspring.aot.enabled=true}), the JDK's AOT cache ({@code -XX:AOTCache},
 * trained by one run of the same function; the local stand-in for SnapStart), and both. Runs are interleaved across
 * functions and modes, so load from elsewhere spreads over all of them.
 */
@Command(name = "cold-start", mixinStandardHelpOptions = true,
        description = "Measures JVM start to first answered event for getProduct and addToCart: default, Spring AOT, "
                + "JDK AOT cache, Spring AOT with the AOT cache.")
public class ColdStartBenchmark implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_TOKEN = "cold-start-admin-token";
    private static final Duration INIT = Duration.ofMinutes(3);

    enum Mode {
        DEFAULT("default"), SPRING_AOT("spring-aot"), AOT_CACHE("aot-cache"), SPRING_AOT_AND_AOT_CACHE("spring-aot+aot-cache");

        final String label;

        Mode(String label) {
            this.label = label;
        }

        boolean springAot() {
            return this == SPRING_AOT || this == SPRING_AOT_AND_AOT_CACHE;
        }

        boolean aotCache() {
            return this == AOT_CACHE || this == SPRING_AOT_AND_AOT_CACHE;
        }

        static Mode of(String label) {
            for (Mode mode : values()) {
                if (mode.label.equals(label)) {
                    return mode;
                }
            }
            throw new CommandLine.TypeConversionException("unknown mode '" + label + "': default, spring-aot, aot-cache, spring-aot+aot-cache");
        }
    }

    @Option(names = "--runs", defaultValue = "5", description = "Timed cold starts per function and mode (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--modes", split = ",", defaultValue = "default,spring-aot,aot-cache,spring-aot+aot-cache",
            description = "Modes to compare (default ${DEFAULT-VALUE}).")
    List<String> modeLabels;

    @Option(names = "--functions", split = ",", defaultValue = "getProduct,addToCart",
            description = "Functions to start (default ${DEFAULT-VALUE}).")
    List<String> functions;

    @Option(names = "--training-events", defaultValue = "20",
            description = "Events the AOT cache's training run answers before it exits (default ${DEFAULT-VALUE}).")
    int trainingEvents;

    @Option(names = "--root", defaultValue = ".", description = "The repository root (default: the working directory).")
    Path root;

    @Option(names = "--work", defaultValue = "perf/target/cold-start", description = "Logs and AOT caches (default ${DEFAULT-VALUE}).")
    Path work;

    private LocalServers servers;
    private final Map<String, Target> targets = new LinkedHashMap<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new ColdStartBenchmark()).execute(args));
    }

    /** One function to cold-start: its module's artifact and database, and the event it is measured with. */
    private record Target(String function, LambdaArtifact artifact, Map<String, Object> properties, String sku) {
    }

    private record Run(String function, Mode mode, double firstAnswerSeconds, double initSeconds) {
    }

    @Override
    public Integer call() throws Exception {
        List<Mode> modes = new ArrayList<>(modeLabels.stream().map(Mode::of).distinct().toList());
        if (runs < 1 || trainingEvents < 1 || modes.isEmpty() || functions.isEmpty()) {
            System.err.println("--runs and --training-events must be at least 1; --modes and --functions not empty");
            return 2;
        }
        root = root.toAbsolutePath().normalize();
        work = root.resolve(work);
        Files.createDirectories(work);
        String loadBefore = load();
        Map<String, LambdaArtifact> modules = new LinkedHashMap<>();
        LambdaArtifact.of(root).forEach(a -> modules.put(a.module(), a));
        Map<String, String> moduleOf = Map.of("getProduct", "catalog", "addToCart", "cart");
        List<String> skipped = new ArrayList<>();
        for (String function : functions) {
            String module = moduleOf.get(function);
            if (module == null) {
                System.err.println("unknown function '" + function + "': getProduct or addToCart");
                return 2;
            }
            LambdaArtifact artifact = modules.get(module);
            for (Mode mode : List.copyOf(modes)) {
                Path jar = jar(artifact, mode);
                if (Files.isRegularFile(jar)) {
                    continue;
                }
                if (!mode.springAot()) {
                    System.err.println("no " + jar + ": build it with ./mvnw -DskipTests package");
                    return 1;
                }
                // The Spring AOT build can fail on code AOT cannot process; the other modes still compare.
                skipped.add(mode.label + " (no " + root.relativize(jar) + ": ./mvnw -DskipTests -Daot package"
                        + " -pl functions/catalog,functions/cart did not build it)");
                modes.remove(mode);
            }
        }
        skipped.stream().distinct().forEach(s -> progress("skipping " + s));
        Path runtime = root.resolve("functions/lambda-artifacts/target/lambda-runtime");

        progress("starting Postgres, Redis and Kafka (or using yours)");
        servers = SharedServers.get();
        for (String function : functions) {
            prepare(function, modules.get(moduleOf.get(function)), runtime);
        }
        for (String function : functions) {
            for (Mode mode : modes) {
                if (mode.aotCache()) {
                    train(targets.get(function), mode, runtime);
                }
            }
        }

        List<Run> results = new ArrayList<>();
        int total = runs * functions.size() * modes.size();
        int done = 0;
        for (int r = 1; r <= runs; r++) {
            for (String function : functions) {
                for (Mode mode : modes) {
                    Run run = coldStart(targets.get(function), mode, runtime, r);
                    results.add(run);
                    done++;
                    progress(String.format(Locale.ROOT, "[%d/%d] %s %s run %d: first answer %.2f s (init %.2f s)",
                            done, total, function, mode.label, r, run.firstAnswerSeconds, run.initSeconds));
                }
            }
        }
        report(results, modes, loadBefore, load(), skipped.stream().distinct().toList());
        return 0;
    }

    /**
     * A database for the function's module, migrated as Terraform deploys it (the module's migration Lambda,
     * {@code migrateModule}), holding the product the events use; untimed.
     */
    private void prepare(String function, LambdaArtifact artifact, Path runtime) throws Exception {
        progress("preparing " + function + ": " + artifact.module() + "'s database, migrated by its migration Lambda");
        Map<String, Object> properties = new LinkedHashMap<>(FunctionProperties.of(servers.endpoints(),
                SharedServers.newDatabase("coldstart_" + artifact.module()), ADMIN_TOKEN));
        String sku = "COLD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Target target = new Target(function, artifact, Map.copyOf(properties), sku);
        try (LambdaJvm migration = builder(target, Mode.DEFAULT, runtime, List.of(), "migrate", "migrateModule")
                .start(LambdaRuntimeApi.start(arn(target)))) {
            ready(migration, function + " (migration)");
            Invocation migrated = migration.invoke("{}", INIT);
            if (!(migrated instanceof Invocation.Answered)) {
                throw new IllegalStateException("migrateModule did not answer: " + migrated + "\n" + migration.logTail(40));
            }
        }
        try (LambdaJvm instance = start(target, Mode.DEFAULT, runtime, List.of(), "prepare")) {
            ready(instance, function + " (prepare)");
            if (artifact.module().equals("catalog")) {
                expect200(instance, instance.invoke(event("apigw-put-product.json", target), INIT), 201);
            } else {
                seedPrice(target);
            }
            expect200(instance, instance.invoke(event(target), INIT), 200);
        }
        targets.put(function, target);
    }

    /** The AOT cache's training run: a start that answers some events, written out when the JVM exits. */
    private void train(Target target, Mode mode, Path runtime) throws Exception {
        Path cache = cache(target, mode);
        Files.deleteIfExists(cache);
        progress("training the AOT cache of " + target.function + " " + mode.label + ": " + trainingEvents + " events");
        LambdaJvm instance = start(target, mode, runtime, List.of("-XX:AOTCacheOutput=" + cache), "train");
        try {
            ready(instance, target.function + " (training)");
            for (int i = 0; i < trainingEvents; i++) {
                expect200(instance, instance.invoke(event(target), INIT), 200);
            }
        } finally {
            // SIGTERM: the JVM shuts down as Lambda's would, and writes the cache on its way out.
            instance.stop(Duration.ofMinutes(3));
            instance.api().close();
        }
        if (!Files.isRegularFile(cache)) {
            throw new IllegalStateException("the training run wrote no AOT cache " + cache + "\n" + instance.logTail(40));
        }
    }

    private Run coldStart(Target target, Mode mode, Path runtime, int run) {
        List<String> options = mode.aotCache()
                ? List.of("-XX:AOTCache=" + cache(target, mode), "-XX:AOTMode=on") : List.of();
        LambdaRuntimeApi api = LambdaRuntimeApi.start(arn(target));
        var answer = api.submit(event(target), INIT.toMillis());
        try (LambdaJvm instance = builder(target, mode, runtime, options, "run-" + run, target.artifact.httpHandler()).start(api)) {
            Invocation invocation = instance.await(answer, INIT);
            if (!(invocation instanceof Invocation.Answered answered)) {
                throw new IllegalStateException(target.function + " " + mode.label + " did not answer: " + invocation
                        + "\n" + instance.logTail(40));
            }
            expect200(instance, answered, 200);
            long started = instance.startedAtNanos();
            return new Run(target.function, mode, (answered.answeredAtNanos() - started) / 1e9,
                    (api.firstPoll().join() - started) / 1e9);
        }
    }

    private LambdaJvm start(Target target, Mode mode, Path runtime, List<String> options, String name) {
        return builder(target, mode, runtime, options, name, target.artifact.httpHandler())
                .start(LambdaRuntimeApi.start(arn(target)));
    }

    /** An instance as Terraform configures the function's Lambda ({@code definition}: what it runs). */
    private LambdaJvm.Builder builder(Target target, Mode mode, Path runtime, List<String> options, String name,
                                      String definition) {
        LambdaArtifact artifact = target.artifact;
        List<String> jvm = new ArrayList<>(LambdaJvm.lambdaOptions(artifact.memoryMb()));
        jvm.addAll(options);
        if (mode.springAot()) {
            jvm.add("-Dspring.aot.enabled=true");
        }
        Path dir = work.resolve(target.function).resolve(mode.label);
        return LambdaJvm.builder()
                .runtime(runtime)
                .classpath(List.of(jar(artifact, mode)))
                .jvmOptions(jvm)
                .systemProperties(target.properties)
                .environment(Map.of(
                        "SPRING_CLOUD_FUNCTION_DEFINITION", definition,
                        "SPRING_PROFILES_ACTIVE", "lambda",
                        "MAIN_CLASS", artifact.application(),
                        "SHOP_DB_MIGRATE", "false"))
                .function("shop-cold-start-" + target.function, artifact.memoryMb())
                .taskRoot(dir.resolve("task"))
                .log(dir.resolve(name + ".log"));
    }

    private static Path jar(LambdaArtifact artifact, Mode mode) {
        return mode.springAot()
                ? artifact.jar().getParent().resolve("spring-aot").resolve(artifact.jar().getFileName())
                : artifact.jar();
    }

    private Path cache(Target target, Mode mode) {
        return work.resolve(target.function).resolve(mode.label).resolve("app.aot");
    }

    private static String arn(Target target) {
        return "arn:aws:lambda:eu-west-1:123456789012:function:shop-cold-start-" + target.function;
    }

    private static void ready(LambdaJvm instance, String what) {
        instance.awaitReady(INIT).ifPresent(stopped -> {
            throw new IllegalStateException(what + " did not finish its init: " + stopped + "\n" + instance.logTail(40));
        });
    }

    private static void expect200(LambdaJvm instance, Invocation invocation, int status) {
        if (!(invocation instanceof Invocation.Answered answered)) {
            throw new IllegalStateException("no answer: " + invocation + "\n" + instance.logTail(40));
        }
        try {
            JsonNode response = JSON.readTree(answered.payload());
            if (response.path("statusCode").asInt() != status) {
                throw new IllegalStateException("expected " + status + ", got " + answered.payload());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The measured event: getProduct of the prepared product, or addToCart of it into a new cart. */
    private static String event(Target target) {
        return target.function.equals("getProduct") ? event("apigw-get-product.json", target)
                : event("apigw-add-to-cart.json", target);
    }

    private static String event(String fixture, Target target) {
        try (InputStream in = ColdStartBenchmark.class.getResourceAsStream("/cold-start/" + fixture)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("${sku}", target.sku)
                    .replace("${cartId}", "cart-" + UUID.randomUUID())
                    .replace("${correlationId}", UUID.randomUUID().toString())
                    .replace("${adminToken}", ADMIN_TOKEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What syncCartPrices writes for a ProductChanged event: the cart's replica of the product's price. */
    private static void seedPrice(Target target) throws SQLException {
        FunctionDatabase.of(target.properties).update("""
                insert into cart.product_prices (sku, name, price_cents, currency, version, deleted, updated_at)
                values (?, 'Cold start mug', 1450, 'EUR', 1, false, now())""", target.sku);
    }

    private void report(List<Run> results, List<Mode> modes, String loadBefore, String loadAfter, List<String> skipped) {
        System.out.println();
        System.out.printf(Locale.ROOT, "Cold start: JVM start to first answered API Gateway event, %d runs each (%s, %s)%n",
                runs, System.getProperty("java.vm.name"), Runtime.version());
        System.out.println("load average (1/5/15 min): before " + loadBefore + ", after " + loadAfter
                + "; " + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.println();
        System.out.println("| function | mode | first answer median | min | max | init median | vs default |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String function : functions) {
            Map<Mode, Double> medians = new EnumMap<>(Mode.class);
            for (Mode mode : modes) {
                List<Run> of = results.stream().filter(r -> r.function.equals(function) && r.mode == mode).toList();
                double[] answers = of.stream().mapToDouble(Run::firstAnswerSeconds).sorted().toArray();
                double[] inits = of.stream().mapToDouble(Run::initSeconds).sorted().toArray();
                medians.put(mode, median(answers));
                Double base = medians.get(Mode.DEFAULT);
                System.out.printf(Locale.ROOT, "| %s | %s | %.2f s | %.2f s | %.2f s | %.2f s | %s |%n", function, mode.label,
                        median(answers), answers[0], answers[answers.length - 1], median(inits),
                        base == null ? "" : String.format(Locale.ROOT, "%.2fx", median(answers) / base));
            }
        }
        System.out.println();
        skipped.forEach(s -> System.out.println("skipped: " + s));
        System.out.println("goal: first answer <= 0.50 s");
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void progress(String line) {
        System.err.println(line);
    }
}
