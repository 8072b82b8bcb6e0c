package dev.shop.runtime.http;

import java.time.Duration;
import java.util.Optional;

import dev.shop.runtime.problem.ProblemException;

/** The {@code waitSeconds} query parameter of a long-polled read: how long the caller lets the server wait. */
public final class LongPoll {

    private LongPoll() {
    }

    /** {@code waitSeconds} as 0 to {@code maxSeconds}; absent or blank is no wait; anything else a 400 problem. */
    public static Duration waitFor(HttpRequest request, int maxSeconds) {
        Optional<String> text = request.query("waitSeconds");
        if (text.isEmpty() || text.get().isBlank()) {
            return Duration.ZERO;
        }
        int seconds;
        try {
            seconds = Integer.parseInt(text.get().trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("waitSeconds", "must be a whole number of seconds");
        }
        if (seconds < 0 || seconds > maxSeconds) {
            throw ProblemException.invalidField("waitSeconds", "must be between 0 and " + maxSeconds);
        }
        return Duration.ofSeconds(seconds);
    }
}
