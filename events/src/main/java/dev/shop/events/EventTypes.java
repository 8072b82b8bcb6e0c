package dev.shop.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registry of every event contract. Adding a type is one {@code register(...)} line plus its
 * record; the schema tests then demand its schema, released copy and a fixture.
 */
public final class EventTypes {

    /** Logical topic for catalog changes; {@code functions/functions.json} maps it to a real topic. */
    public static final String PRODUCT_EVENTS_TOPIC = "product-events";

    // Declared before the constants: static initialisers run in source order.
    private static final Map<String, EventType<?>> BY_NAME = new LinkedHashMap<>();

    public static final EventType<ProductChanged> PRODUCT_CHANGED =
            register("shop.product.changed.v1", ProductChanged.class, PRODUCT_EVENTS_TOPIC);
    public static final EventType<ProductDeleted> PRODUCT_DELETED =
            register("shop.product.deleted.v1", ProductDeleted.class, PRODUCT_EVENTS_TOPIC);

    private EventTypes() {
    }

    /** Every registered type, in declaration order. */
    public static List<EventType<?>> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The type with this versioned name, e.g. {@code shop.product.changed.v1}. */
    public static Optional<EventType<?>> byName(String name) {
        return Optional.ofNullable(name).map(BY_NAME::get);
    }

    private static <T> EventType<T> register(String name, Class<T> dataClass, String topic) {
        EventType<T> type = new EventType<>(name, dataClass, topic);
        if (BY_NAME.putIfAbsent(name, type) != null) {
            throw new IllegalStateException("event type registered twice: " + name);
        }
        return type;
    }
}
