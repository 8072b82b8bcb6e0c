package dev.shop.localstack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;

/** One line per step, stamped with the seconds since the start: {@code [ 2.9s] servers ready: ...}. */
public final class Progress {

    private final PrintStream out;
    private final long originNanos;

    private Progress(PrintStream out, long originNanos) {
        this.out = out;
        this.originNanos = originNanos;
    }

    /** Seconds counted from now. */
    public static Progress to(PrintStream out) {
        return new Progress(out, System.nanoTime());
    }

    /**
     * Seconds counted from the JVM's start, so the stamps include the JVM's own start-up (but not a build that ran
     * before it in the same process, as {@code exec} from the start script does).
     */
    public static Progress sinceJvmStart(PrintStream out) {
        long now = System.nanoTime();
        long sinceStart = Duration.between(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()),
                Instant.now()).toNanos();
        return new Progress(out, sinceStart >= 0 && sinceStart < Duration.ofMinutes(10).toNanos() ? now - sinceStart : now);
    }

    /** Prints one stamped line. */
    public void step(String message) {
        out.println(String.format(Locale.ROOT, "[%4.1fs] %s", seconds(), message));
        out.flush();
    }

    /** Seconds since the origin. */
    public double seconds() {
        return (System.nanoTime() - originNanos) / 1e9;
    }

    /**
     * Runs {@code work} with {@code System.err} captured, so that a library's own per-item lines (such as one per
     * server) give way to this class's single line. If the work fails, what it printed rides along on the
     * exception as a suppressed {@link CapturedOutput}.
     */
    static <T> T quietly(Callable<T> work) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        try {
            return work.call();
        } catch (Exception e) {
            capture.flush();
            e.addSuppressed(new CapturedOutput(buffer.toString(StandardCharsets.UTF_8)));
            throw e;
        } finally {
            System.setErr(original);
        }
    }

    /** What a failed step printed, carried as a suppressed exception of the failure. */
    static final class CapturedOutput extends RuntimeException {

        private static final long serialVersionUID = 1L;

        CapturedOutput(String output) {
            super(output, null, false, false);
        }
    }
}
