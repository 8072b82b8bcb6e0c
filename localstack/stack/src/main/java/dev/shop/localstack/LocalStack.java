package dev.shop.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.Inet6Address;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpServer;
import dev.shop.local.servers.FunctionProperties;
import dev.shop.local.servers.LocalServers;
import dev.shop.local.servers.ServerEndpoints;
import dev.shop.local.servers.ServerSettings;
import dev.shop.runtime.manifest.FunctionManifest;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/**
 * The whole shop on a developer's machine in one command: real Postgres, Redis and Kafka; every function module
 * of the manifest in this JVM, each in its own Spring context; an API-Gateway-compatible HTTP front door that
 * hands the functions the same events AWS would; and a demo catalog loaded through that door.
 */
@Command(name = "shop-local", mixinStandardHelpOptions = true, version = "shop local stack 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
                "Starts the shop on this machine: Postgres, Redis and Kafka (embedded unless configured), every "
                        + "function module, and an API-Gateway-compatible HTTP gateway. Ctrl-C stops it all."},
        footerHeading = "%nEnvironment:%n",
        footer = {
                "  SHOP_PORT              default for --port",
                "  SHOP_ADMIN_TOKEN       default for --admin-token",
                "  SHOP_DB_URL            your Postgres (jdbc:postgresql://host:port/db)",
                "  SHOP_DB_USER, SHOP_DB_PASSWORD  its user and password",
                "  SHOP_REDIS_URL         your Redis (redis://host:port)",
                "  SHOP_KAFKA_BOOTSTRAP   your Kafka (host:port)",
                "Servers that are not configured are started embedded and stopped on exit."})
public final class LocalStack implements Callable<Integer> {

    /** The database the functions use on an embedded Postgres; a configured SHOP_DB_URL is used as it is. */
    public static final String DATABASE = "shop";

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final String TOKEN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:SHOP_PORT:-8080}",
            description = "HTTP port of the gateway (env SHOP_PORT, default 8080; 0 picks a free one)")
    int port;

    @Option(names = "--no-demo", description = "do not load the demo catalog")
    boolean noDemo;

    @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:SHOP_ADMIN_TOKEN}",
            showDefaultValue = Visibility.NEVER,
            description = "bearer token of the admin routes (env SHOP_ADMIN_TOKEN; default: a random one, printed)")
    String adminToken;

    /**
     * How to run the stack.
     *
     * @param port       gateway port; 0 picks a free one
     * @param adminToken bearer token of the admin routes
     * @param demo       load the demo catalog (unless the catalog has products)
     * @param database   database to create on an embedded Postgres
     * @param moduleProperties extra settings for every module, e.g. the customers a failure drill rejects
     */
    public record Options(int port, String adminToken, boolean demo, String database,
                          Map<String, Object> moduleProperties) {

        public Options {
            moduleProperties = moduleProperties == null ? Map.of() : Map.copyOf(moduleProperties);
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            if (adminToken == null || adminToken.isBlank()) {
                throw new IllegalArgumentException("an admin token is required");
            }
        }

        public Options(int port, String adminToken, boolean demo, String database) {
            this(port, adminToken, demo, database, Map.of());
        }
    }

    /** Why the stack did not start, in one line for the user; whatever had started is stopped again. */
    public static final class StartupException extends Exception {

        private static final long serialVersionUID = 1L;

        StartupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalStack()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        Progress progress = Progress.sinceJvmStart(System.err);
        CountDownLatch stop = new CountDownLatch(1);
        AtomicBoolean running = new AtomicBoolean();
        installStopSignals(stop, running);
        boolean generated = adminToken == null || adminToken.isBlank();
        String token = generated ? randomToken() : adminToken.strip();
        Running stack;
        try {
            stack = start(ServerSettings.fromEnvironment(), new Options(port, token, !noDemo, DATABASE), progress);
        } catch (StartupException | IllegalArgumentException e) {
            System.err.println("shop-local: " + e.getMessage());
            return 1;
        }
        // Should the JVM end some other way, stop everything all the same.
        Thread hook = new Thread(() -> {
            StackFile.delete(stack.port());
            stack.close();
        }, "shop-local-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        running.set(true);
        java.nio.file.Path stackFile = StackFile.of(stack).write(stack.port());
        printSummary(System.out, stack, generated, progress.seconds(), stackFile);
        stop.await();

        progress.step("stopping: gateway, functions, servers");
        StackFile.delete(stack.port());
        stack.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook finds everything closed
        }
        progress.step("stopped");
        return 0;
    }

    /**
     * Once the stack runs, Ctrl-C (SIGINT) and SIGTERM stop it in order — gateway, functions, servers — before the
     * JVM begins its shutdown, where hooks would run all at once. A second signal exits at once, and so does the
     * first during start-up (the servers' own shutdown hook stops Postgres and Redis).
     */
    private static void installStopSignals(CountDownLatch stop, AtomicBoolean running) {
        AtomicInteger received = new AtomicInteger();
        Runnable onSignal = () -> {
            if (!running.get()) {
                System.err.println("shop-local: stopped during start-up");
                System.exit(130);
            } else if (received.incrementAndGet() == 1) {
                stop.countDown();
            } else {
                System.err.println("shop-local: stopping now");
                System.exit(130);
            }
        };
        for (String name : List.of("INT", "TERM")) {
            try {
                StopSignals.handle(name, onSignal);
            } catch (ReflectiveOperationException | RuntimeException unavailable) {
                // The JVM's own handling (a shutdown hook) still stops everything.
                log.debug("cannot handle SIG{}: {}", name, unavailable.toString());
            }
        }
    }

    /**
     * {@code sun.misc.Signal} (module jdk.unsupported), reached reflectively: the JDK has no public API to handle a
     * signal, and a shutdown hook cannot tell a second Ctrl-C from the first.
     */
    private static final class StopSignals {
        private StopSignals() {
        }

        static void handle(String name, Runnable action) throws ReflectiveOperationException {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object proxy = java.lang.reflect.Proxy.newProxyInstance(handler.getClassLoader(), new Class<?>[] {handler},
                    (self, method, args) -> {
                        if (method.getName().equals("handle")) {
                            action.run();
                        }
                        return null;
                    });
            signal.getMethod("handle", signal, handler)
                    .invoke(null, signal.getConstructor(String.class).newInstance(name), proxy);
        }
    }

    /** Starts embedded servers for whatever {@code settings} leave unset, then the stack on them. */
    public static Running start(ServerSettings settings, Options options, Progress progress) throws StartupException {
        HttpServer bound = bind(options.port());
        LocalServers servers;
        try {
            servers = Progress.quietly(() -> LocalServers.start(settings));
        } catch (Exception e) {
            bound.stop(0);
            throw new StartupException("the servers did not start: "
                    + message(e).replaceFirst("^local servers did not start: ", ""), e);
        }
        progress.step("servers ready: " + describe(servers));
        return startOn(servers, true, bound, options, progress);
    }

    /**
     * Starts the stack on servers that are already running (tests use {@code SharedServers}); closing the result
     * leaves them running.
     */
    public static Running start(LocalServers servers, Options options, Progress progress) throws StartupException {
        HttpServer bound = bind(options.port());
        progress.step("servers ready: " + describe(servers));
        return startOn(servers, false, bound, options, progress);
    }

    private static Running startOn(LocalServers servers, boolean ownsServers, HttpServer bound, Options options,
                                   Progress progress) throws StartupException {
        List<ApiGateway.FunctionModule> modules = List.of();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ApiGateway gateway = null;
        try {
            FunctionManifest manifest = FunctionManifest.load();
            requireConfiguredServersUp(servers);
            String jdbcUrl = database(servers, options.database());
            Map<String, Object> properties = moduleProperties(servers.endpoints(), jdbcUrl, options,
                    bound.getAddress().getPort());
            modules = startModules(manifest, properties, registry);
            progress.step("functions ready: " + String.join(", ", modules.stream()
                    .map(m -> m.name() + " (" + manifest.functionsOf(m.name()).size() + " functions)").toList()));

            Map<String, ApiGateway.FunctionModule> byName = new LinkedHashMap<>();
            modules.forEach(module -> byName.put(module.name(), module));
            GatewayRoutes routes = GatewayRoutes.of(manifest);
            gateway = new ApiGateway(bound, routes, byName, new ServerHealth(servers.endpoints(), jdbcUrl), registry);
            gateway.start();
            progress.step("gateway listening on http://localhost:" + gateway.port() + " ("
                    + routes.routes().size() + " routes)");

            Running running = new Running(servers, ownsServers, modules, gateway, registry, options.adminToken(),
                    manifest, properties);
            if (options.demo()) {
                try (DemoSeeder seeder = new DemoSeeder(running.uri(), options.adminToken())) {
                    DemoSeeder.Result seeded = seeder.seed(DemoCatalog.products());
                    running.exampleSku = seeded.exampleSku();
                    progress.step(seeded.skipped()
                            ? "demo catalog: skipped, the catalog already has products"
                            : "demo catalog: " + seeded.written() + " products");
                }
            } else {
                try (DemoSeeder seeder = new DemoSeeder(running.uri(), options.adminToken())) {
                    running.exampleSku = seeder.firstExistingSku();
                }
            }
            return running;
        } catch (StartupException | RuntimeException | IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (gateway != null) {
                gateway.close();
            } else {
                bound.stop(0);
            }
            closeModules(modules);
            registry.close();
            if (ownsServers) {
                closeQuietly(servers);
            }
            if (e instanceof StartupException startup) {
                throw startup;
            }
            throw new StartupException("the stack did not start: " + message(e), e);
        }
    }

    private static HttpServer bind(int port) throws StartupException {
        try {
            return ApiGateway.bind(port);
        } catch (BindException e) {
            throw new StartupException("port " + port + " is already in use; choose another with --port or SHOP_PORT", e);
        } catch (IOException e) {
            throw new StartupException("cannot listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Your own servers (SHOP_DB_URL and the like) must answer before the functions start, or the failure would
     * surface as a function's stack trace. Embedded ones have just answered their own readiness checks.
     */
    private static void requireConfiguredServersUp(LocalServers servers) throws StartupException {
        if (servers.startedServers().size() == 3) {
            return;
        }
        Map<String, String> status;
        try (ServerHealth health = new ServerHealth(servers.endpoints(), servers.endpoints().jdbcUrl())) {
            status = health.check();
        }
        List<String> down = new ArrayList<>();
        status.forEach((server, state) -> {
            if (!state.equals(ServerHealth.UP)) {
                down.add(server + " at " + address(server, servers.endpoints()));
            }
        });
        if (!down.isEmpty()) {
            throw new StartupException("the servers did not answer: " + String.join(", ", down), null);
        }
    }

    private static String address(String server, ServerEndpoints endpoints) {
        return switch (server) {
            case "postgres" -> hostAndPort(endpoints.jdbcUrl());
            case "redis" -> hostAndPort(endpoints.redisUri());
            default -> endpoints.kafkaBootstrap();
        };
    }

    /** A fresh {@code name} database on an embedded Postgres; a configured SHOP_DB_URL as it is. */
    private static String database(LocalServers servers, String name) {
        return servers.startedServers().contains("postgres") ? servers.createDatabase(name)
                : servers.endpoints().jdbcUrl();
    }

    /** Starts every module of the manifest side by side; they are independent, so it costs the slowest one. */
    private static Map<String, Object> moduleProperties(ServerEndpoints endpoints, String jdbcUrl, Options options,
                                                        int gatewayPort) {
        Map<String, Object> properties = new LinkedHashMap<>(
                FunctionProperties.of(endpoints, jdbcUrl, options.adminToken()));
        properties.put("logging.level.kafka", "WARN");
        properties.put("logging.level.org.apache.kafka", "WARN");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.main.log-startup-info", "false");
        // The assistant acts as a shopper's agent: it calls the shop through the same front door.
        properties.put("shop.assistant.api-base-url", "http://127.0.0.1:" + gatewayPort);
        properties.putAll(options.moduleProperties());
        return properties;
    }

    private static List<ApiGateway.FunctionModule> startModules(FunctionManifest manifest,
                                                                Map<String, Object> properties,
                                                                PrometheusMeterRegistry registry)
            throws StartupException {
        // Manifest order: modules in the order their functions are listed.
        Set<String> names = new LinkedHashSet<>();
        manifest.functions().forEach(function -> names.add(function.module()));
        names.addAll(new TreeSet<>(manifest.modules().keySet()));

        initializeLogging(properties);
        Map<String, Future<ApiGateway.FunctionModule>> starting = new LinkedHashMap<>();
        ExecutorService starter = Executors.newFixedThreadPool(names.size(),
                Thread.ofPlatform().name("start-module-", 1).daemon().factory());
        try {
            for (String name : names) {
                FunctionManifest.ModuleSpec spec = manifest.module(name);
                starting.put(name, starter.submit(() -> startModule(name, spec, properties, registry)));
            }
            // Wait for all, even after a failure, so that nothing started is left running.
            List<ApiGateway.FunctionModule> started = new ArrayList<>();
            Map<String, Throwable> failures = new LinkedHashMap<>();
            for (Map.Entry<String, Future<ApiGateway.FunctionModule>> entry : starting.entrySet()) {
                try {
                    started.add(entry.getValue().get());
                } catch (ExecutionException e) {
                    failures.put(entry.getKey(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.put(entry.getKey(), e);
                }
            }
            if (!failures.isEmpty()) {
                closeModules(started);
                Map.Entry<String, Throwable> first = failures.entrySet().iterator().next();
                StartupException failure = new StartupException("function module " + first.getKey()
                        + " did not start: " + message(first.getValue()), first.getValue());
                throw failure;
            }
            return List.copyOf(started);
        } finally {
            starter.shutdown();
        }
    }

    /**
     * Sets up Spring Boot's logging once, before the modules start side by side. Each Spring application would
     * otherwise configure logback itself, and two doing it at the same moment attach the appenders twice. Once
     * it is set up, the applications leave it alone and only apply their {@code logging.level.*} settings.
     */
    private static void initializeLogging(Map<String, Object> properties) {
        try {
            LoggingSystem logging = LoggingSystem.get(LocalStack.class.getClassLoader());
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().addLast(new MapPropertySource("shop-local", properties));
            logging.beforeInitialize();
            logging.initialize(new LoggingInitializationContext(environment), null, null);
        } catch (RuntimeException e) {
            log.debug("could not set up logging ahead of the modules: {}", e.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static ApiGateway.FunctionModule startModule(String name, FunctionManifest.ModuleSpec spec,
                                                         Map<String, Object> properties,
                                                         PrometheusMeterRegistry registry) throws ClassNotFoundException {
        Class<?> application = Class.forName(spec.application(), true, LocalStack.class.getClassLoader());
        // As defaults they apply early (config location, logging, spring.main); the same map is added on top
        // below, so it also wins over the module's own application.yml.
        Map<String, Object> moduleProperties = new LinkedHashMap<>(properties);
        moduleProperties.put("spring.config.location", ModuleConfig.location(name, application));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                // The stack closes the contexts itself, in order, before the servers they use.
                .registerShutdownHook(false)
                .properties(moduleProperties)
                // One registry for all modules, so /metrics shows every function; the runtime's own backs off.
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("prometheusMeterRegistry", registry),
                        // Above the module's own application.yml, so a drill's settings win.
                        ctx -> ctx.getEnvironment().getPropertySources().addFirst(
                                new MapPropertySource("shop-local", properties)))
                .run();
        try {
            Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                    context.getBean(spec.httpHandler(), Function.class);
            return new ApiGateway.FunctionModule(name, context, handler);
        } catch (RuntimeException e) {
            context.close();
            throw new IllegalStateException("module " + name + " has no HTTP handler function '" + spec.httpHandler()
                    + "': " + e.getMessage(), e);
        }
    }

    private static void closeModules(List<ApiGateway.FunctionModule> modules) {
        if (modules.isEmpty()) {
            return;
        }
        // Independent again: closing side by side costs the slowest (a Kafka consumer leaving its group).
        try (ExecutorService closer = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ApiGateway.FunctionModule module : modules) {
                closer.submit(() -> {
                    try {
                        module.context().close();
                    } catch (RuntimeException e) {
                        log.warn("closing module {} failed: {}", module.name(), e.toString());
                    }
                });
            }
        }
    }

    private static void closeQuietly(LocalServers servers) {
        try {
            // LocalServers prints a line per server; one line for the whole stop is printed by the caller.
            Progress.quietly(() -> {
                servers.close();
                return null;
            });
        } catch (Exception e) {
            log.warn("stopping the servers failed: {}", e.toString());
        }
    }

    /** {@code postgres 127.0.0.1:5432, redis 127.0.0.1:6379, kafka 127.0.0.1:9092}; "(yours)" marks configured ones. */
    static String describe(LocalServers servers) {
        ServerEndpoints endpoints = servers.endpoints();
        List<String> started = servers.startedServers();
        return String.join(", ",
                describe("postgres", hostAndPort(endpoints.jdbcUrl()), started),
                describe("redis", hostAndPort(endpoints.redisUri()), started),
                describe("kafka", endpoints.kafkaBootstrap(), started));
    }

    private static String describe(String server, String address, List<String> started) {
        return server + " " + address + (started.contains(server) ? "" : " (yours)");
    }

    /** The host:port of a URL such as {@code jdbc:postgresql://u:p@host:5432/db?x} or {@code redis://host:6379}. */
    static String hostAndPort(String url) {
        if (url == null) {
            return "?";
        }
        int start = url.indexOf("//");
        String rest = start < 0 ? url : url.substring(start + 2);
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int at = rest.indexOf(c);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        String authority = rest.substring(0, end);
        return authority.contains("@") ? authority.substring(authority.lastIndexOf('@') + 1) : authority;
    }

    private static String message(Throwable e) {
        Throwable deepest = e;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String top = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (deepest == e || deepest.getMessage() == null || top.contains(deepest.getMessage())) {
            return top;
        }
        return top + " (" + deepest.getClass().getSimpleName() + ": " + deepest.getMessage() + ")";
    }

    static String randomToken() {
        SecureRandom random = new SecureRandom();
        StringBuilder token = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            token.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
        }
        return token.toString();
    }

    private static void printSummary(PrintStream out, Running running, boolean generatedToken, double seconds,
                                     java.nio.file.Path stackFile) {
        String url = "http://localhost:" + running.port();
        String sku = running.exampleSku().orElse(null);
        StringBuilder summary = new StringBuilder();
        summary.append(String.format(Locale.ROOT, "%nThe shop is running at %s (ready in %.1f s)%n", url, seconds));
        summary.append("  admin token  ").append(running.adminToken())
                .append(generatedToken ? "   (random; set SHOP_ADMIN_TOKEN or --admin-token to keep one)" : "")
                .append('\n');
        summary.append("  functions    ").append(String.join(", ", running.modules())).append('\n');
        summary.append("  health       ").append(url).append("/health\n");
        summary.append("  metrics      ").append(url).append("/metrics\n");
        summary.append("  database     ").append(running.jdbcUrl().replaceFirst("\\?.*$", ""))
                .append(running.servers().dbUser() == null ? "" : " (user " + running.servers().dbUser() + ")")
                .append('\n');
        summary.append("  stack file   ").append(stackFile)
                .append("   (how ./perf/run cost and suite find this stack)\n\n");
        summary.append("Try:\n");
        if (sku == null) {
            sku = "MY-FIRST-SKU";
            summary.append("  curl -i -X PUT ").append(url).append("/products/").append(sku)
                    .append(" -H 'authorization: Bearer ").append(running.adminToken())
                    .append("' -H 'content-type: application/json' -d '{\"name\":\"My first product\",")
                    .append("\"category\":\"misc\",\"priceCents\":1000}'\n");
        }
        summary.append("  curl -i ").append(url).append("/products/").append(sku).append('\n');
        summary.append("  curl -i -X POST ").append(url).append("/carts/my-cart/items -H 'content-type: application/json'")
                .append(" -d '{\"sku\":\"").append(sku).append("\",\"quantity\":2}'\n\n");
        summary.append("Press Ctrl-C to stop.\n");
        out.print(summary);
        out.flush();
    }

    /** A running stack. {@link #close()} stops the gateway, then the function modules, then the servers it started. */
    public static final class Running implements AutoCloseable {

        private final LocalServers servers;
        private final boolean ownsServers;
        private final List<ApiGateway.FunctionModule> modules;
        private final ApiGateway gateway;
        private final PrometheusMeterRegistry registry;
        private final String adminToken;
        private final FunctionManifest manifest;
        private final Map<String, Object> moduleProperties;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile String exampleSku;

        private Running(LocalServers servers, boolean ownsServers, List<ApiGateway.FunctionModule> modules,
                        ApiGateway gateway, PrometheusMeterRegistry registry, String adminToken,
                        FunctionManifest manifest, Map<String, Object> moduleProperties) {
            this.servers = servers;
            this.ownsServers = ownsServers;
            this.modules = new java.util.concurrent.CopyOnWriteArrayList<>(modules);
            this.manifest = manifest;
            this.moduleProperties = Map.copyOf(moduleProperties);
            this.gateway = gateway;
            this.registry = registry;
            this.adminToken = adminToken;
        }

        /** The port the gateway listens on (the free one picked for port 0). */
        public int port() {
            return gateway.port();
        }

        /** The gateway's base URI on the loopback address, e.g. {@code http://127.0.0.1:8080}. */
        public URI uri() {
            InetAddress loopback = InetAddress.getLoopbackAddress();
            String host = loopback instanceof Inet6Address ? "[" + loopback.getHostAddress() + "]"
                    : loopback.getHostAddress();
            return URI.create("http://" + host + ":" + port());
        }

        public String adminToken() {
            return adminToken;
        }

        /** Names of the running function modules, in manifest order. */
        public List<String> modules() {
            return modules.stream().map(ApiGateway.FunctionModule::name).toList();
        }

        /** A SKU the catalog has, for examples: the first demo product, or the first existing one. */
        public Optional<String> exampleSku() {
            return Optional.ofNullable(exampleSku);
        }

        public ServerEndpoints servers() {
            return servers.endpoints();
        }

        /** The JDBC URL of the functions' database: every module's schema, and {@code metering}. */
        public String jdbcUrl() {
            return (String) moduleProperties.get("spring.datasource.url");
        }

        /**
         * Stops one function module, as a crash or a redeploy would: its Kafka consumers leave, its requests
         * fail at the gateway, and what it was doing waits in Kafka and Postgres until {@link #startModule}.
         */
        public void stopModule(String name) {
            module(name).context().close();
        }

        /** Starts a stopped module again on the same servers and database; the gateway routes to it. */
        public void startModule(String name) {
            ApiGateway.FunctionModule old = module(name);
            if (old.context().isActive()) {
                throw new IllegalStateException("module " + name + " is running");
            }
            try {
                ApiGateway.FunctionModule started = LocalStack.startModule(name, manifest.module(name),
                        moduleProperties, registry);
                modules.replaceAll(m -> m.name().equals(name) ? started : m);
                gateway.replace(started);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("module " + name + " is not on the classpath", e);
            }
        }

        private ApiGateway.FunctionModule module(String name) {
            return modules.stream().filter(m -> m.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no module " + name));
        }

        public PrometheusMeterRegistry registry() {
            return registry;
        }

        /** Stops, in order: the gateway, the function modules, the servers this stack started. Idempotent. */
        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            try {
                gateway.close();
            } catch (RuntimeException e) {
                log.warn("stopping the gateway failed: {}", e.toString());
            }
            closeModules(modules);
            registry.close();
            if (ownsServers) {
                closeQuietly(servers);
            }
        }
    }
}
