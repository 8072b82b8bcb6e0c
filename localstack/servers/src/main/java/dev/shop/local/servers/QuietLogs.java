package dev.shop.local.servers;

import java.util.List;

import org.slf4j.LoggerFactory;

/**
 * Turns the embedded servers' chatter down to WARN. An in-process Kafka broker logs hundreds of INFO lines on
 * start; the local stack should show its own output instead.
 */
final class QuietLogs {

    private static final List<String> NOISY_LOGGERS = List.of(
            "kafka", "org.apache.kafka", "state.change.logger", "org.apache.zookeeper",
            "org.springframework.kafka.test", "io.zonky", "redis.embedded");

    private QuietLogs() {
    }

    static void apply() {
        // Only logback can be adjusted at runtime through a plain API; other bindings keep their own config.
        if (LoggerFactory.getILoggerFactory().getClass().getName().equals("ch.qos.logback.classic.LoggerContext")) {
            Logback.quiet(NOISY_LOGGERS);
        }
    }

    /** Loaded only when logback is the binding, so the class is never touched without it. */
    private static final class Logback {

        static void quiet(List<String> names) {
            var context = (ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory();
            for (String name : names) {
                ch.qos.logback.classic.Logger logger = context.getLogger(name);
                // A level set by the user's logback config wins.
                if (logger.getLevel() == null) {
                    logger.setLevel(ch.qos.logback.classic.Level.WARN);
                }
            }
        }
    }
}
