package dev.shop.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The Lambda Runtime API (2018-06-01) for one instance, on a loopback port: what the runtime interface client
 * in the instance's JVM polls ({@code AWS_LAMBDA_RUNTIME_API}). Events handed to {@link #submit} are given out, in
 * order, by {@code GET /runtime/invocation/next} with the request id, deadline and function ARN headers; the
 * instance's {@code response}, {@code error} and {@code init/error} posts complete them.
 */
public final class LambdaRuntimeApi implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final Pattern RESULT = Pattern.compile(PREFIX + "invocation/([^/]+)/(response|error)");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final String functionArn;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<Long> firstPoll = new CompletableFuture<>();
    private final CompletableFuture<Invocation.InitFailed> initError = new CompletableFuture<>();
    private volatile boolean closed;

    private LambdaRuntimeApi(HttpServer server, String functionArn) {
        this.server = server;
        this.functionArn = functionArn;
    }

    /** Starts the API on a free loopback port, for a function with this ARN. */
    public static LambdaRuntimeApi start(String functionArn) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            LambdaRuntimeApi api = new LambdaRuntimeApi(server, functionArn);
            server.setExecutor(api.executor);
            server.createContext("/", api::handle);
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** Queues an event; the future completes with what the instance made of it (never exceptionally). */
    public CompletableFuture<Invocation> submit(String event, long timeoutMillis) {
        Pending pending = new Pending(UUID.randomUUID().toString(), event.getBytes(StandardCharsets.UTF_8),
                timeoutMillis, new CompletableFuture<>());
        inFlight.put(pending.id, pending);
        queue.add(pending);
        initError.thenAccept(pending.result::complete);
        return pending.result;
    }

    /** Completes with {@link System#nanoTime()} of the instance's first poll: its init is over. */
    public CompletableFuture<Long> firstPoll() {
        return firstPoll;
    }

    /** Completes when the instance reports an init error. */
    public CompletableFuture<Invocation.InitFailed> initError() {
        return initError;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("GET".equals(method) && path.equals(PREFIX + "invocation/next")) {
                next(exchange);
                return;
            }
            Matcher result = RESULT.matcher(path);
            if ("POST".equals(method) && result.matches()) {
                byte[] body = read(exchange);
                Pending pending = inFlight.remove(result.group(1));
                if (pending == null) {
                    send(exchange, 400, "{\"errorType\":\"InvalidRequestID\"}");
                    return;
                }
                long at = System.nanoTime();
                String payload = new String(body, StandardCharsets.UTF_8);
                pending.result.complete(result.group(2).equals("response")
                        ? new Invocation.Answered(payload, at)
                        : new Invocation.Failed(errorType(exchange), payload));
                send(exchange, 202, "{\"status\":\"OK\"}");
                return;
            }
            if ("POST".equals(method) && path.equals(PREFIX + "init/error")) {
                String payload = new String(read(exchange), StandardCharsets.UTF_8);
                initError.complete(new Invocation.InitFailed(errorType(exchange), payload));
                send(exchange, 202, "{\"status\":\"OK\"}");
                return;
            }
            send(exchange, 404, "{\"errorType\":\"NotFound\"}");
        }
    }

    /** Long poll, as Lambda's: the answer waits until there is an event. */
    private void next(HttpExchange exchange) throws IOException {
        firstPoll.complete(System.nanoTime());
        Pending pending = null;
        try {
            while (pending == null && !closed) {
                pending = queue.poll(200, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (pending == null) {
            send(exchange, 500, "{\"errorType\":\"ServiceStopped\"}");
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", pending.id);
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                Long.toString(System.currentTimeMillis() + pending.timeoutMillis));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
                "Root=1-00000000-" + pending.id.replace("-", "").substring(0, 24) + ";Sampled=0");
        exchange.sendResponseHeaders(200, pending.event.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(pending.event);
        }
    }

    private static String errorType(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
        return type == null ? "" : type;
    }

    private static byte[] read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }

    private record Pending(String id, byte[] event, long timeoutMillis, CompletableFuture<Invocation> result) {
    }
}
