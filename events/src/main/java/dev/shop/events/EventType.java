package dev.shop.events;

/**
 * One versioned event contract: the CloudEvents {@code type} string, the record carried as
 * {@code data}, and the logical topic it travels on.
 *
 * @param name      versioned type string, e.g. {@code shop.product.changed.v1}; a breaking change
 *                  gets a new name (v2) instead of editing this one
 * @param dataClass record carried in {@link EventEnvelope#data()}
 * @param topic     logical topic key as in {@code functions/functions.json}, e.g. {@code product-events};
 *                  each platform maps it to a real topic name
 */
public record EventType<T>(String name, Class<T> dataClass, String topic) {

    public EventType {
        Require.text(name, "EventType.name");
        if (dataClass == null) {
            throw new IllegalArgumentException("EventType.dataClass must not be null");
        }
        Require.text(topic, "EventType.topic");
    }

    /** Classpath location of the JSON Schema for {@code data}; also sent as the envelope's {@code dataschema}. */
    public String schemaPath() {
        return "schemas/" + name + ".json";
    }
}
