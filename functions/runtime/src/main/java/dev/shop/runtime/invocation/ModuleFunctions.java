package dev.shop.runtime.invocation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.shop.runtime.manifest.FunctionManifest;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Binds a module's event and scheduled function beans to the invocation layer by their bean names, and checks them
 * against the manifest at start-up: every consumer and scheduled function of the module must exist, with the right
 * kind. Where the process stays up it also runs the scheduled functions on local timers, standing in for the
 * cloud's schedules ({@code shop.schedules.<name>.every}, else the manifest's {@code rate(...)}).
 */
public class ModuleFunctions implements SmartInitializingSingleton, AutoCloseable {

    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|second|seconds|day|days)\\)");

    private final ConfigurableListableBeanFactory beans;
    private final FunctionManifest manifest;
    private final String module;
    private final Invocations invocations;
    private final Environment environment;
    private ThreadPoolTaskScheduler timers;

    public ModuleFunctions(ConfigurableListableBeanFactory beans, FunctionManifest manifest, String module,
                           Invocations invocations, Environment environment) {
        this.beans = beans;
        this.manifest = manifest;
        this.module = module;
        this.invocations = invocations;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, EventFunction> events = beans.getBeansOfType(EventFunction.class);
        Map<String, ScheduledFunction> scheduled = beans.getBeansOfType(ScheduledFunction.class);
        List<String> missing = new ArrayList<>();
        for (FunctionManifest.FunctionSpec function : manifest.functionsOf(module)) {
            if (!function.consumes().isEmpty() && !events.containsKey(function.name())) {
                missing.add(function.name() + " (an EventFunction bean)");
            }
            if (function.schedule() != null && !scheduled.containsKey(function.name())) {
                missing.add(function.name() + " (a ScheduledFunction bean)");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("module " + module + " lacks manifest functions: " + missing);
        }
        events.forEach(invocations::register);
        scheduled.forEach((name, function) -> function.bind(name, invocations));
        if (invocations.mode() == InvocationMode.LONG_RUNNING
                && environment.getProperty("shop.schedules.enabled", Boolean.class, true)) {
            startTimers(scheduled);
        }
    }

    private void startTimers(Map<String, ScheduledFunction> scheduled) {
        if (scheduled.isEmpty()) {
            return;
        }
        timers = new ThreadPoolTaskScheduler();
        timers.setThreadNamePrefix(module + "-schedule-");
        timers.setDaemon(true);
        timers.initialize();
        scheduled.forEach((name, function) -> timers.scheduleWithFixedDelay(function::get, every(name)));
    }

    /** How often the local timer runs a scheduled function. */
    public Duration every(String function) {
        Duration configured = environment.getProperty("shop.schedules." + function + ".every", Duration.class);
        if (configured != null) {
            return configured;
        }
        String schedule = manifest.function(function).map(FunctionManifest.FunctionSpec::schedule).orElse(null);
        Matcher rate = schedule == null ? null : RATE.matcher(schedule);
        if (rate == null || !rate.matches()) {
            return Duration.ofMinutes(1);
        }
        long n = Long.parseLong(rate.group(1));
        return switch (rate.group(2).replaceAll("s$", "")) {
            case "second" -> Duration.ofSeconds(n);
            case "minute" -> Duration.ofMinutes(n);
            case "hour" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    @Override
    public void close() {
        if (timers != null) {
            timers.shutdown();
        }
    }
}
