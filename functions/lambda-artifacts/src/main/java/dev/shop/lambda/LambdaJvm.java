package dev.shop.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One Lambda instance as the Java runtime starts it: a JVM running the AWS Lambda Runtime Interface Client
 * ({@code AWSLambda <handler>}) with the runtime's libraries first on the class path and the function's jar after
 * them, a Lambda environment ({@code AWS_LAMBDA_RUNTIME_API}, {@code _HANDLER}, {@code LAMBDA_TASK_ROOT}, the
 * function's name and memory) and nothing inherited from this process's environment but {@code PATH}.
 * Unlike Lambda, the jar is on the class path rather than unpacked in {@code /var/task}: the JDK's AOT cache
 * takes classes from class path jars only. Its output goes to a log file.
 */
public final class LambdaJvm implements AutoCloseable {

    public static final String RUNTIME_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final String RUNTIME_CLIENT = "aws-lambda-java-runtime-interface-client";
    private static final String NATIVE_CLIENT_PROPERTY =
            "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private final Process process;
    private final long startedAtNanos;
    private final LambdaRuntimeApi api;
    private final Path log;

    private LambdaJvm(Process process, long startedAtNanos, LambdaRuntimeApi api, Path log) {
        this.process = process;
        this.startedAtNanos = startedAtNanos;
        this.api = api;
        this.log = log;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Lambda's JVM settings for a function of this memory size: serial GC, C1 only, the heap within the memory
     * (the JDK's default class data sharing stays on; {@code -Xshare} would rule out an AOT cache).
     */
    public static List<String> lambdaOptions(int memoryMb) {
        return List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:MaxHeapSize=" + (memoryMb * 85 / 100) + "m", "-Djava.net.preferIPv4Stack=true");
    }

    /** The runtime's libraries (the client and its dependencies), in a stable order. */
    public static List<Path> runtimeLibraries(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
            runtimeClient(jars);
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the Lambda runtime libraries in " + directory, e);
        }
    }

    private static Path runtimeClient(List<Path> jars) {
        return jars.stream().filter(p -> p.getFileName().toString().startsWith(RUNTIME_CLIENT)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + RUNTIME_CLIENT + " among " + jars));
    }

    /**
     * The client's native library, unpacked once beside the runtime's libraries. Left to itself the client unpacks
     * it to the fixed path {@code /tmp/.libaws-lambda-jni.so} at every start, which is one file per sandbox on Lambda
     * but here shared by every JVM on the machine: one overwriting it while another maps it crashes that one.
     */
    static synchronized Path nativeClient(Path runtimeDirectory) {
        String arch = System.getProperty("os.arch").matches("aarch64|arm64") ? "aarch_64" : "x86_64";
        String name = "libaws-lambda-jni.linux-" + arch + ".so";
        Path target = runtimeDirectory.resolve("native").resolve(name);
        if (Files.isRegularFile(target)) {
            return target;
        }
        Path client = runtimeClient(runtimeLibraries(runtimeDirectory));
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(client.toFile())) {
            java.util.jar.JarEntry entry = jar.getJarEntry("jni/" + name);
            if (entry == null) {
                throw new IllegalStateException("no jni/" + name + " in " + client);
            }
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), name, ".partial");
            try (java.io.InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, partial, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the runtime interface client's native library", e);
        }
    }

    public long startedAtNanos() {
        return startedAtNanos;
    }

    public LambdaRuntimeApi api() {
        return api;
    }

    public Path log() {
        return log;
    }

    /** Completes when the JVM has ended. */
    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Empty once the instance polls for its first event (its init is over); otherwise what stopped it. */
    public Optional<Invocation> awaitReady(Duration timeout) {
        Object first = firstOf(timeout, api.firstPoll(), api.initError(), process.onExit());
        if (first == null) {
            return Optional.of(new Invocation.TimedOut(timeout));
        }
        if (first instanceof Process ended) {
            return Optional.of(new Invocation.Exited(ended.exitValue()));
        }
        return first instanceof Invocation.InitFailed failed ? Optional.of(failed) : Optional.empty();
    }

    /** Hands the instance an event and waits for what it makes of it, its exit, or the timeout. */
    public Invocation invoke(String event, Duration timeout) {
        return await(api.submit(event, timeout.toMillis()), timeout);
    }

    /** Waits for a submitted event's result, the instance's exit, or the timeout. */
    public Invocation await(CompletableFuture<Invocation> result, Duration timeout) {
        Object first = firstOf(timeout, result, process.onExit());
        if (first == null) {
            return new Invocation.TimedOut(timeout);
        }
        if (first instanceof Invocation invocation) {
            return invocation;
        }
        return result.isDone() ? result.join() : new Invocation.Exited(((Process) first).exitValue());
    }

    /** The value of whichever completes first, or null when none does within the timeout. */
    private static Object firstOf(Duration timeout, CompletableFuture<?>... futures) {
        try {
            return CompletableFuture.anyOf(futures).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The last lines of the instance's output, for failure messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size()).stream()
                    .collect(Collectors.joining("\n", "--- " + log + " (last " + lines + " lines)\n", "\n"));
        } catch (IOException e) {
            return "(no log at " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Stops the JVM (SIGTERM, as Lambda's shutdown; killed if it has not ended within 10 s). */
    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
        api.close();
    }

    /** SIGTERM, then waits for the exit (a JVM writing its AOT cache does so on the way out); killed after timeout. */
    public int stop(Duration timeout) {
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return process.isAlive() ? -1 : process.exitValue();
    }

    public static final class Builder {

        private Path javaHome = Path.of(System.getProperty("java.home"));
        private final List<Path> classpath = new ArrayList<>();
        private final List<String> jvmOptions = new ArrayList<>();
        private final Map<String, String> systemProperties = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private String handler = LambdaArtifact.HANDLER;
        private String functionName = "function";
        private int memoryMb = 512;
        private Path taskRoot;
        private Path log;

        private Builder() {
        }

        /** The JDK to run (default: this JVM's). */
        public Builder javaHome(Path javaHome) {
            this.javaHome = javaHome;
            return this;
        }

        /** The Lambda runtime's libraries ({@link #runtimeLibraries}): first on the class path. */
        public Builder runtime(Path runtimeDirectory) {
            classpath.addAll(0, runtimeLibraries(runtimeDirectory));
            systemProperties.put(NATIVE_CLIENT_PROPERTY, nativeClient(runtimeDirectory).toString());
            return this;
        }

        /** Appends to the class path (after the runtime's libraries): the function's jar. */
        public Builder classpath(List<Path> entries) {
            classpath.addAll(entries);
            return this;
        }

        public Builder jvmOptions(List<String> options) {
            jvmOptions.addAll(options);
            return this;
        }

        public Builder systemProperties(Map<String, ?> properties) {
            properties.forEach((name, value) -> systemProperties.put(name, String.valueOf(value)));
            return this;
        }

        public Builder environment(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        public Builder handler(String handler) {
            this.handler = handler;
            return this;
        }

        public Builder function(String name, int memoryMb) {
            this.functionName = name;
            this.memoryMb = memoryMb;
            return this;
        }

        /** An empty directory that stands for {@code /var/task}: the JVM's working directory. */
        public Builder taskRoot(Path taskRoot) {
            this.taskRoot = taskRoot;
            return this;
        }

        public Builder log(Path log) {
            this.log = log;
            return this;
        }

        /** Starts the JVM against {@code api}, which it then owns (closed with it). */
        public LambdaJvm start(LambdaRuntimeApi api) {
            if (taskRoot == null || log == null) {
                throw new IllegalStateException("taskRoot and log are required");
            }
            List<String> command = new ArrayList<>();
            command.add(javaHome.resolve("bin").resolve("java").toString());
            command.addAll(jvmOptions);
            systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
            command.add("-cp");
            command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
            command.add(RUNTIME_MAIN);
            command.add(handler);
            ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
            env.clear();
            env.put("PATH", path);
            env.put("LANG", "en_US.UTF-8");
            env.put("TZ", ":UTC");
            env.put("AWS_LAMBDA_RUNTIME_API", api.address());
            env.put("_HANDLER", handler);
            env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
            env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
            env.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
            env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
            env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName);
            env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
            env.put("AWS_REGION", "eu-west-1");
            env.put("AWS_DEFAULT_REGION", "eu-west-1");
            env.putAll(environment);
            try {
                Files.createDirectories(taskRoot);
                Files.createDirectories(log.toAbsolutePath().getParent());
                long started = System.nanoTime();
                Process process = builder.start();
                return new LambdaJvm(process, started, api, log);
            } catch (IOException e) {
                api.close();
                throw new UncheckedIOException("cannot start " + command.getFirst(), e);
            }
        }
    }
}
