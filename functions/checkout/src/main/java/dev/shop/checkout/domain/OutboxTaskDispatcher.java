package dev.shop.checkout.domain;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.events.EventEnvelope;
import dev.shop.events.EventType;
import dev.shop.events.EventTypes;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.outbox.Outbox;
import dev.shop.workflow.TaskDispatcher;
import dev.shop.workflow.TaskRequest;
import org.jdbi.v3.core.Handle;

/**
 * Sends a saga task to its participant the way Lambda's {@code waitForTaskToken} would invoke it: the
 * Task's {@code FunctionName} is looked up in the manifest, the payload becomes that function's command
 * record, and the command joins the outbox in the step's own transaction.
 */
public class OutboxTaskDispatcher implements TaskDispatcher {

    private static final String SOURCE = "/functions/checkout";

    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Map<String, Route> routes;

    public OutboxTaskDispatcher(FunctionManifest manifest, Outbox outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.routes = manifest.functions().stream()
                .filter(f -> f.consumes().size() == 1)
                .flatMap(f -> commandType(f.consumes().getFirst())
                        .map(type -> Map.entry(f.name(), new Route(manifest.topicName(f.consumes().getFirst()), type)))
                        .stream())
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Fails at start-up, not mid-saga, if a Task names a function that takes no command. */
    public void requireFunctions(List<String> functionNames) {
        for (String name : functionNames) {
            if (!routes.containsKey(name)) {
                throw new IllegalStateException("the workflow's Task names " + name
                        + ", which is not a command consumer in the function manifest");
            }
        }
    }

    @Override
    public void dispatch(Handle handle, TaskRequest request) {
        Route route = routes.get(request.functionName());
        if (route == null) {
            throw new IllegalStateException("no command consumer named " + request.functionName());
        }
        Object command = mapper.convertValue(request.payload(), route.type().dataClass());
        outbox.append(handle, route.topic(), request.executionId(),
                envelope(route.type(), request.correlationId(), command));
    }

    @SuppressWarnings("unchecked")
    private static <T> EventEnvelope<T> envelope(EventType<T> type, String correlationId, Object command) {
        return EventEnvelope.of(type, SOURCE, correlationId, (T) command);
    }

    /**
     * A topic carrying exactly one command type (one topic per command). A command carries the task token its
     * reply must return; an event such as CartChanged, alone on its topic too, is not a command.
     */
    private static java.util.Optional<EventType<?>> commandType(String topicKey) {
        List<EventType<?>> types = EventTypes.all().stream().filter(t -> t.topic().equals(topicKey)).toList();
        return types.size() == 1 && carriesTaskToken(types.getFirst())
                ? java.util.Optional.of(types.getFirst()) : java.util.Optional.empty();
    }

    private static boolean carriesTaskToken(EventType<?> type) {
        java.lang.reflect.RecordComponent[] components = type.dataClass().getRecordComponents();
        return components != null && java.util.Arrays.stream(components)
                .anyMatch(c -> c.getName().equals("taskToken") && c.getType() == String.class);
    }

    private record Route(String topic, EventType<?> type) {
    }
}
