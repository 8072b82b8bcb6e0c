package dev.shop.lambda;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import dev.shop.local.servers.FunctionProperties;
import dev.shop.local.servers.LocalServers;
import dev.shop.local.servers.RealServersInitializer;
import dev.shop.local.servers.SharedServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * One Lambda instance per function module, each a JVM of its own started from the module's Lambda jar, pointed at
 * the test JVM's shared real servers with a fresh database of its own, which the module's migration Lambda (from
 * the same jar) has migrated first. Their inits overlap, a bounded number at a
 * time; each test waits for its own instance.
 */
final class LambdaInstances implements AutoCloseable {

    static final String ADMIN_TOKEN = RealServersInitializer.ADMIN_TOKEN;
    private static final Duration MIGRATION = Duration.ofMinutes(3);

    private final Map<String, CompletableFuture<LambdaJvm>> instances = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> properties = new ConcurrentHashMap<>();
    private final Map<String, Duration> initTimes = new ConcurrentHashMap<>();
    private final Map<String, Invocation> migrations = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private Thread starter;

    /**
     * Starts an instance of every module's HTTP Lambda, at most {@code parallelism} initialising at a time: the
     * next starts when an earlier one polls for its first event (or ends).
     */
    static LambdaInstances startAll(List<LambdaArtifact> artifacts, int parallelism) {
        assertThat(LambdaArtifact.missing(artifacts)).as("function modules without a Lambda jar").isEmpty();
        LocalServers servers = SharedServers.get();
        LambdaInstances all = new LambdaInstances();
        Semaphore initialising = new Semaphore(Math.max(1, parallelism));
        for (LambdaArtifact artifact : artifacts) {
            all.instances.put(artifact.module(), new CompletableFuture<>());
        }
        all.starter = Thread.ofVirtual().name("lambda-instances").start(() -> {
            for (LambdaArtifact artifact : artifacts) {
                CompletableFuture<LambdaJvm> slot = all.instances.get(artifact.module());
                try {
                    initialising.acquire();
                    if (all.closed) {
                        slot.cancel(false);
                        continue;
                    }
                    LambdaJvm instance = all.start(artifact, servers);
                    CompletableFuture.anyOf(instance.api().firstPoll(), instance.api().initError(),
                            instance.onExit()).whenComplete((r, e) -> initialising.release());
                    slot.complete(instance);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    slot.completeExceptionally(e);
                    return;
                } catch (RuntimeException | Error e) {
                    initialising.release();
                    slot.completeExceptionally(e);
                }
            }
        });
        return all;
    }

    /**
     * As Terraform deploys a module: its migration Lambda ({@code migrateModule}, invoked with {@code {}}) runs first,
     * then its HTTP Lambda starts, which does not migrate at init.
     */
    private LambdaJvm start(LambdaArtifact artifact, LocalServers servers) {
        Map<String, Object> props = new LinkedHashMap<>(FunctionProperties.of(servers.endpoints(),
                SharedServers.newDatabase(artifact.module()), ADMIN_TOKEN));
        // The assistant reads the shop's public API; there is none here, so its catalog warm-up finds nothing.
        props.put("shop.assistant.api-base-url", "http://127.0.0.1:9/unreachable");
        properties.put(artifact.module(), Map.copyOf(props));
        try (LambdaJvm migration = instance(artifact, props, "migrate", "migrateModule")) {
            Invocation migrated = migration.awaitReady(MIGRATION)
                    .orElseGet(() -> migration.invoke("{}", MIGRATION));
            migrations.put(artifact.module(), migrated);
            if (!(migrated instanceof Invocation.Answered)) {
                throw new IllegalStateException(artifact.module() + "-migrate did not answer: " + migrated + "\n"
                        + migration.logTail(60));
            }
        }
        return instance(artifact, props, "http", artifact.httpHandler());
    }

    private static LambdaJvm instance(LambdaArtifact artifact, Map<String, Object> props, String kind,
                                      String definition) {
        String function = "shop-test-" + artifact.module() + "-" + kind;
        LambdaRuntimeApi api = LambdaRuntimeApi.start("arn:aws:lambda:eu-west-1:123456789012:function:" + function);
        Path work = Repository.WORK.resolve(artifact.module());
        return LambdaJvm.builder()
                .runtime(Repository.RUNTIME_LIBRARIES).classpath(List.of(artifact.jar()))
                .jvmOptions(LambdaJvm.lambdaOptions(artifact.memoryMb()))
                .systemProperties(props)
                .environment(Map.of(
                        "SPRING_CLOUD_FUNCTION_DEFINITION", definition,
                        "SPRING_PROFILES_ACTIVE", "lambda",
                        "MAIN_CLASS", artifact.application(),
                        "SHOP_DB_MIGRATE", "false"))
                .function(function, artifact.memoryMb())
                .taskRoot(work.resolve("task"))
                .log(work.resolve(kind + ".log"))
                .start(api);
    }

    /** What the module's migration Lambda answered (its {@code {"module", "migrations", "topicsCreated"}}). */
    Invocation migration(String module) {
        return migrations.get(module);
    }

    /** The module's instance once its init is over; fails with the instance's log if it never gets there. */
    LambdaJvm ready(String module, Duration timeout) {
        CompletableFuture<LambdaJvm> slot = instances.get(module);
        assertThat(slot).as("an instance of " + module).isNotNull();
        LambdaJvm instance = slot.join();
        Optional<Invocation> stopped = instance.awaitReady(timeout);
        if (stopped.isPresent()) {
            fail(module + " did not finish its init: " + stopped.get() + "\n" + instance.logTail(60));
        }
        initTimes.computeIfAbsent(module, m -> Duration.ofNanos(instance.api().firstPoll().join() - instance.startedAtNanos()));
        return instance;
    }

    Map<String, Object> properties(String module) {
        return properties.get(module);
    }

    /** How long each instance that got ready took from JVM start to its first poll. */
    Map<String, Duration> initTimes() {
        return Map.copyOf(initTimes);
    }

    @Override
    public void close() {
        closed = true;
        if (starter != null) {
            starter.interrupt();
        }
        instances.values().parallelStream()
                .filter(slot -> slot.isDone() && !slot.isCompletedExceptionally())
                .forEach(slot -> slot.join().close());
    }
}
