package dev.shop.perf.suite;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.shop.localstack.StackFile;

/**
 * A local stack the suite starts for itself: {@code ./localstack/start --port P} as a child process (the same
 * command a developer runs, so the same JVM settings), its output in a log file, stopped with SIGTERM at the end.
 * Ready once its stack file names it.
 */
final class LocalStackProcess implements AutoCloseable {

    private final Process process;
    private final StackFile stack;

    private LocalStackProcess(Process process, StackFile stack) {
        this.process = process;
        this.stack = stack;
    }

    static LocalStackProcess start(int port, Path log, Duration deadline) throws IOException, InterruptedException {
        int chosen = port == 0 ? freePort() : port;
        if (StackFile.read(chosen).isPresent()) {
            throw new IllegalStateException("a local stack already runs on port " + chosen
                    + ": pass --base http://127.0.0.1:" + chosen + " to use it, or another --port");
        }
        List<String> command = new ArrayList<>(List.of("localstack/start", "--port", Integer.toString(chosen)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        long until = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < until) {
            Optional<StackFile> stack = StackFile.read(chosen);
            if (stack.isPresent()) {
                return new LocalStackProcess(process, stack.get());
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the local stack exited with " + process.exitValue() + "; see " + log);
            }
            Thread.sleep(250);
        }
        process.destroy();
        throw new IllegalStateException("the local stack was not up after " + deadline.toSeconds() + " s; see " + log);
    }

    StackFile stack() {
        return stack;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** SIGTERM, which the stack handles as Ctrl-C (everything stopped in order); killed after 60 s. */
    @Override
    public void close() {
        process.descendants().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (process.waitFor(60, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
