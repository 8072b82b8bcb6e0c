package dev.shop.lambda;

import java.time.Duration;

/** What became of an event handed to a Lambda instance through its Runtime API. */
public sealed interface Invocation {

    /** The instance posted a response ({@code POST .../invocation/{id}/response}). */
    record Answered(String payload, long answeredAtNanos) implements Invocation {
    }

    /** The instance reported a function error ({@code POST .../invocation/{id}/error}). */
    record Failed(String errorType, String payload) implements Invocation {
    }

    /** The instance reported an init error ({@code POST /runtime/init/error}) and will not take events. */
    record InitFailed(String errorType, String payload) implements Invocation {
    }

    /** The JVM ended without answering. */
    record Exited(int exitCode) implements Invocation {
    }

    record TimedOut(Duration waited) implements Invocation {
    }
}
