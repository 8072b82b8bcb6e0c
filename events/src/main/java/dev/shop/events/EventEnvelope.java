package dev.shop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * CloudEvents-style envelope around every event and command the platform sends.
 * The attribute names follow CloudEvents 1.0 so the JSON can be bridged to a CloudEvents
 * binding without renaming.
 *
 * @param specversion always {@value #SPEC_VERSION}
 * @param id          unique per event (a random UUID); consumers de-duplicate on it
 * @param source      the producing function, e.g. {@code /functions/catalog}
 * @param type        versioned type name, see {@link EventTypes}
 * @param subject     correlation id that ties the event to the request that caused it
 * @param time        when the event was produced
 * @param dataschema  classpath location of the schema describing {@code data}
 * @param data        the payload record
 */
public record EventEnvelope<T>(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String dataschema,
        T data) {

    public static final String SPEC_VERSION = "1.0";

    public EventEnvelope {
        if (!SPEC_VERSION.equals(specversion)) {
            throw new IllegalArgumentException("EventEnvelope.specversion must be \"" + SPEC_VERSION + "\"");
        }
        Require.text(id, "EventEnvelope.id");
        Require.text(source, "EventEnvelope.source");
        Require.text(type, "EventEnvelope.type");
        Require.text(subject, "EventEnvelope.subject");
        Require.present(time, "EventEnvelope.time");
        Require.text(dataschema, "EventEnvelope.dataschema");
        Require.present(data, "EventEnvelope.data");
    }

    /**
     * A new envelope with a fresh id, the current time and the type's schema path.
     *
     * @param source  the producing function, e.g. {@code /functions/catalog}
     * @param subject the correlation id of the request being handled
     */
    public static <T> EventEnvelope<T> of(EventType<T> type, String source, String subject, T data) {
        Require.present(type, "EventEnvelope type");
        return new EventEnvelope<>(SPEC_VERSION, UUID.randomUUID().toString(), source, type.name(), subject,
                Instant.now(), type.schemaPath(), data);
    }
}
