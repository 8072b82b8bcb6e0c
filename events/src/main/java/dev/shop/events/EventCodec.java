package dev.shop.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads and writes {@link EventEnvelope}s as JSON. Thread-safe; create one and share it.
 *
 * <p>Decoding is lenient where compatibility needs it (unknown fields from newer producers are
 * ignored) and strict where a silent fix would corrupt data (a price sent as a string or a
 * fraction is rejected, not coerced). Everything a consumer cannot process becomes a
 * {@link MalformedEventException}.
 */
public final class EventCodec {

    // Values quoted from a payload are cut to this length, so a message never carries much of it.
    private static final int MAX_ECHO_LENGTH = 80;
    private static final int MAX_PROBLEM_LENGTH = 200;

    private final ObjectMapper mapper;

    public EventCodec() {
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Newer producers may add fields; older consumers must keep working.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Agree with the schemas: "123" is not a number, 1.5 is not a long, null is not a long.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // Keep payload excerpts out of exception messages (and so out of logs).
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                // Timestamps only as RFC 3339 strings, as the schemas say, not epoch numbers.
                .addModule(new SimpleModule("strict-instants").addDeserializer(Instant.class, new TextInstantDeserializer()))
                // ALLOW_COERCION_OF_SCALARS does not cover numbers and booleans read into String fields.
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }

    /**
     * The configured mapper, for code that needs the same JSON conventions (e.g. HTTP bodies).
     * Shared, so do not reconfigure it.
     */
    public ObjectMapper mapper() {
        return mapper;
    }

    public byte[] encode(EventEnvelope<?> envelope) {
        Require.present(envelope, "envelope");
        try {
            return mapper.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            // Our own records always serialise; failing here is a programming error, not bad input.
            throw new IllegalStateException("cannot encode event " + envelope.type(), e);
        }
    }

    /** Decodes any registered event type; {@code data} is the type's record. */
    public EventEnvelope<?> decode(byte[] payload) {
        JsonNode root = readEnvelope(payload);
        String typeName = text(root, "type");
        if (typeName == null) {
            throw new MalformedEventException("envelope field 'type' is missing");
        }
        EventType<?> type = EventTypes.byName(typeName)
                .orElseThrow(() -> new MalformedEventException("unknown event type '" + echo(typeName) + "'"));
        return toEnvelope(root, type);
    }

    /**
     * Decodes an event that must be of {@code expected}, for consumers that handle one type only.
     * Any other type is malformed for them.
     */
    public <T> EventEnvelope<T> decode(byte[] payload, EventType<T> expected) {
        Require.present(expected, "expected event type");
        JsonNode root = readEnvelope(payload);
        String typeName = text(root, "type");
        if (!expected.name().equals(typeName)) {
            throw new MalformedEventException("expected event type '" + expected.name() + "' but got "
                    + (typeName == null ? "none" : "'" + echo(typeName) + "'"));
        }
        return toEnvelope(root, expected);
    }

    private JsonNode readEnvelope(byte[] payload) {
        if (payload == null || payload.length == 0) {
            throw new MalformedEventException("payload is empty");
        }
        JsonNode root;
        try {
            root = mapper.readTree(payload);
        } catch (IOException e) {
            // No cause attached: the parser's message quotes the offending token, which may be the whole payload.
            var location = e instanceof JsonProcessingException jpe ? jpe.getLocation() : null;
            throw new MalformedEventException("payload is not valid JSON"
                    + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException("payload is not a JSON object");
        }
        return root;
    }

    private <T> EventEnvelope<T> toEnvelope(JsonNode root, EventType<T> type) {
        JsonNode dataNode = root.get("data");
        if (dataNode == null || dataNode.isNull()) {
            throw new MalformedEventException("envelope field 'data' is missing for " + type.name());
        }
        Instant time = readTime(root);
        T data = readData(dataNode, type);
        try {
            return new EventEnvelope<>(text(root, "specversion"), text(root, "id"), text(root, "source"),
                    type.name(), text(root, "subject"), time, text(root, "dataschema"), data);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("invalid envelope: " + e.getMessage(), e);
        }
    }

    private Instant readTime(JsonNode root) {
        JsonNode node = root.get("time");
        if (node == null || node.isNull()) {
            return null; // the envelope constructor reports it
        }
        if (!node.isTextual()) {
            throw new MalformedEventException("envelope field 'time' must be an RFC 3339 string");
        }
        try {
            return mapper.treeToValue(node, Instant.class);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("envelope field 'time' is not an RFC 3339 timestamp", e);
        }
    }

    private <T> T readData(JsonNode dataNode, EventType<T> type) {
        try {
            return mapper.treeToValue(dataNode, type.dataClass());
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("data does not fit " + type.dataClass().getSimpleName()
                    + " (" + type.name() + "): " + describe(e), e);
        }
    }

    /** Names the field and the problem; our own constructor checks carry the clearest message. */
    private static String describe(JsonProcessingException e) {
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException iae) {
            return iae.getMessage();
        }
        String field = e instanceof JsonMappingException jme ? fieldPath(jme) : "";
        String problem = shorten(e.getOriginalMessage(), MAX_PROBLEM_LENGTH);
        return field.isEmpty() ? problem : "field '" + field + "': " + problem;
    }

    private static String fieldPath(JsonMappingException e) {
        var path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Envelope attribute as text, null if absent; a non-string value is malformed. */
    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new MalformedEventException("envelope field '" + field + "' must be a string");
        }
        return node.textValue();
    }

    /** Jackson's Instant reader, minus its acceptance of epoch numbers. */
    private static final class TextInstantDeserializer extends StdScalarDeserializer<Instant> {

        private static final long serialVersionUID = 1L;

        TextInstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }

    private static String echo(String value) {
        return shorten(value, MAX_ECHO_LENGTH);
    }

    private static String shorten(String value, int maxLength) {
        if (value == null) {
            return "";
        }
        return value.length() <= maxLength ? value : value.substring(0, maxLength) + "…";
    }
}
