package dev.shop.workflow.definition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed, validated state machine definition in the supported subset of the Amazon States Language.
 * Immutable and thread-safe.
 *
 * <p>ASL definitions carry no name; {@link #name()} is the one the engine files executions under (as Step
 * Functions' state machine name), {@value #DEFAULT_NAME} unless set with {@link #named}.
 */
public final class StateMachine {

    public static final String DEFAULT_NAME = "state-machine";
    /** Step Functions' rules for names (1-80 characters), narrowed to letters, digits, '-' and '_'. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    private final String name;
    private final String comment;
    private final String startAt;
    private final Integer timeoutSeconds;
    private final Map<String, State> states;
    private final String definition;

    StateMachine(String name, String comment, String startAt, Integer timeoutSeconds, Map<String, State> states,
                 String definition) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a state machine name must match " + NAME + ", got '" + name + "'");
        }
        this.name = name;
        this.comment = comment;
        this.startAt = startAt;
        this.timeoutSeconds = timeoutSeconds;
        this.states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
        this.definition = definition;
    }

    /**
     * Parses and validates a definition.
     *
     * @throws InvalidDefinitionException listing every problem with its location
     */
    public static StateMachine parse(String json) {
        return new DefinitionParser().parse(DEFAULT_NAME, json);
    }

    /**
     * Reads a definition from the classpath, e.g. {@code workflows/checkout.asl.json}, named after the file
     * ({@code checkout}).
     */
    public static StateMachine load(String resource) {
        String file = resource.substring(resource.lastIndexOf('/') + 1);
        String name = file.endsWith(".asl.json") ? file.substring(0, file.length() - ".asl.json".length())
                : file.endsWith(".json") ? file.substring(0, file.length() - ".json".length()) : file;
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : StateMachine.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no state machine definition on the classpath at " + resource);
            }
            return new DefinitionParser().parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The same definition under another name. */
    public StateMachine named(String newName) {
        return new StateMachine(newName, comment, startAt, timeoutSeconds, states, definition);
    }

    public String name() {
        return name;
    }

    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    public String startAt() {
        return startAt;
    }

    /** The execution-wide TimeoutSeconds, if set. */
    public Optional<Integer> timeoutSeconds() {
        return Optional.ofNullable(timeoutSeconds);
    }

    /** Every state by name, in definition order. */
    public Map<String, State> states() {
        return states;
    }

    /** The state called {@code stateName}. */
    public State state(String stateName) {
        State state = states.get(stateName);
        if (state == null) {
            throw new IllegalArgumentException("state machine '" + name + "' has no state '" + stateName + "'");
        }
        return state;
    }

    /** The platform functions its Task states invoke, so a deployment can check they all exist. */
    public List<String> taskFunctionNames() {
        return states().values().stream()
                .filter(TaskState.class::isInstance)
                .map(state -> ((TaskState) state).functionName())
                .distinct()
                .toList();
    }

    public String definition() {
        return definition;
    }

    @Override
    public String toString() {
        return "StateMachine[" + name + ", " + states.size() + " states, StartAt " + startAt + "]";
    }
}
