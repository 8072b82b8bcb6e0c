package dev.shop.events;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the committed schemas, the records and the hand-recorded fixtures in agreement.
 * Run with {@code -Dschemas.write=true} to (re)write the schema files from the records instead of
 * comparing them.
 */
class EventSchemasTest {

    private static final String REGENERATE = "./mvnw -pl events test -Dschemas.write=true";
    private static final boolean WRITE_SCHEMAS = Boolean.getBoolean("schemas.write");

    private static final Path MODULE_DIR = TestFiles.moduleDir();
    private static final Path SCHEMA_SOURCES = MODULE_DIR.resolve("src/main/resources");
    private static final Path FIXTURES = MODULE_DIR.resolve("src/test/resources/events");
    private static final Path INVALID_FIXTURES = FIXTURES.resolve("invalid");

    private static final SchemaGenerator GENERATOR = new SchemaGenerator();
    private static final EventCodec CODEC = new EventCodec();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    /** What each valid fixture must decode to; a fixture without an entry fails the build. */
    private static final Map<String, Object> EXPECTED_DATA = Map.ofEntries(
            entry("shop.product.changed.v1.json", SampleEvents.trailShoe()),
            entry("shop.product.changed.v1-only-required.json", SampleEvents.giftCard()),
            entry("shop.product.changed.v1-from-newer-producer.json", new ProductChanged("SKU-3003", "Rain jacket",
                    "Packs into its own pocket", "Peakline", "jackets", "yellow", "M", 8_900, "EUR",
                    List.of("rain"), 7, Instant.parse("2025-04-01T12:00:00Z"))),
            entry("shop.product.deleted.v1.json", SampleEvents.deletedShoe()),
            entry("shop.cart.changed.v1.json", SampleEvents.cartWithTwoLines()),
            entry("shop.cart.changed.v1-deleted.json", SampleEvents.deletedCart()),
            entry("shop.inventory.reserve.v1.json", SampleEvents.reserveInventory()),
            entry("shop.inventory.release.v1.json", SampleEvents.releaseInventory()),
            entry("shop.inventory.commit.v1.json", SampleEvents.commitInventory()),
            entry("shop.payment.process.v1.json", SampleEvents.processPayment()),
            entry("shop.payment.refund.v1.json", SampleEvents.refundPayment()),
            entry("shop.order.create.v1.json", SampleEvents.createOrder()),
            entry("shop.cart.freeze.v1.json", SampleEvents.freezeCart()),
            entry("shop.cart.freeze.v1-as-it-is.json", SampleEvents.freezeCartAsItIs()),
            entry("shop.cart.release.v1.json", SampleEvents.releaseCart()),
            entry("shop.cart.clear.v1.json", SampleEvents.clearCart()),
            entry("shop.cart.clear.v1-whole-cart.json", SampleEvents.clearWholeCart()),
            entry("shop.task.succeeded.v1.json", SampleEvents.stockReserved()),
            entry("shop.task.succeeded.v1-nested-output.json", SampleEvents.paymentCaptured()),
            entry("shop.task.failed.v1.json", SampleEvents.paymentDeclined()),
            entry("shop.assistant.plan-finished.v1.json", SampleEvents.planCompleted()),
            entry("shop.assistant.plan-finished.v1-needs-input.json", SampleEvents.planNeedsInput()));

    /** The field each invalid fixture gets wrong; both the schema and the codec must name it. */
    private static final Map<String, String> INVALID_FIELD = Map.ofEntries(
            entry("shop.product.changed.v1-missing-sku.json", "sku"),
            entry("shop.product.changed.v1-price-as-string.json", "priceCents"),
            entry("shop.product.deleted.v1-epoch-timestamp.json", "deletedAt"),
            entry("shop.cart.changed.v1-zero-quantity.json", "quantity"),
            entry("shop.inventory.reserve.v1-empty-lines.json", "lines"),
            entry("shop.cart.freeze.v1-zero-hold.json", "holdSeconds"),
            entry("shop.order.create.v1-missing-lines.json", "lines"),
            entry("shop.payment.process.v1-negative-amount.json", "amountCents"),
            entry("shop.task.succeeded.v1-output-not-object.json", "output"),
            entry("shop.task.failed.v1-missing-error.json", "error"),
            entry("shop.assistant.plan-finished.v1-unknown-status.json", "status"));

    static List<EventType<?>> eventTypes() {
        return EventTypes.all();
    }

    static Stream<String> validFixtures() {
        return fixtureNames(FIXTURES);
    }

    static Stream<String> invalidFixtures() {
        return fixtureNames(INVALID_FIXTURES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void committedSchemaMatchesTheRecord(EventType<?> type) throws IOException {
        JsonNode generated = GENERATOR.schemaFor(type);
        Path committed = SCHEMA_SOURCES.resolve(type.schemaPath());
        if (WRITE_SCHEMAS) {
            write(committed, generated);
            assertThat(TestFiles.json(committed)).isEqualTo(generated);
            return;
        }
        assertThat(committed).as("schema file for %s is missing; create it with: %s", type.name(), REGENERATE)
                .exists();
        assertThat(TestFiles.json(committed))
                .as("%s no longer matches %s; regenerate with: %s", committed.getFileName(),
                        type.dataClass().getSimpleName(), REGENERATE)
                .isEqualTo(generated);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void schemaShipsAtTheDataschemaPath(EventType<?> type) {
        assertThat(getClass().getClassLoader().getResource(type.schemaPath()))
                .as("%s on the classpath", type.schemaPath())
                .isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everyTypeHasAValidFixture(EventType<?> type) {
        assertThat(validFixtures().filter(fixture -> typeOf(fixture).equals(Optional.of(type))))
                .as("fixtures for %s under %s", type.name(), FIXTURES)
                .isNotEmpty();
    }

    @Test
    void everyFixtureHasAnExpectation() {
        assertThat(validFixtures()).containsExactlyInAnyOrderElementsOf(EXPECTED_DATA.keySet());
        assertThat(invalidFixtures()).containsExactlyInAnyOrderElementsOf(INVALID_FIELD.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFixtures")
    void validFixtureMatchesItsSchemaAndDecodesToTheExpectedRecord(String fixture) {
        EventType<?> type = typeOf(fixture).orElseThrow();
        byte[] payload = TestFiles.bytes(FIXTURES.resolve(fixture));
        JsonNode envelope = TestFiles.json(FIXTURES.resolve(fixture));

        assertThat(validate(type, envelope.get("data"))).as("schema violations").isEmpty();
        EventEnvelope<?> decoded = CODEC.decode(payload, type);
        assertThat(decoded.data()).isEqualTo(EXPECTED_DATA.get(fixture));
        assertThat(decoded.dataschema()).isEqualTo(type.schemaPath());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFixtures")
    void invalidFixtureIsRejectedByTheSchemaAndTheCodec(String fixture) {
        EventType<?> type = typeOf(fixture).orElseThrow();
        byte[] payload = TestFiles.bytes(INVALID_FIXTURES.resolve(fixture));
        JsonNode envelope = TestFiles.json(INVALID_FIXTURES.resolve(fixture));
        String field = INVALID_FIELD.get(fixture);

        assertThat(validate(type, envelope.get("data")))
                .extracting(ValidationMessage::getMessage)
                .isNotEmpty()
                .allMatch(message -> message.contains(field), "names " + field);
        assertThatThrownBy(() -> CODEC.decode(payload))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFixtures")
    void expectedRecordEncodesToItsSchemaAndBack(String fixture) throws IOException {
        EventType<?> type = typeOf(fixture).orElseThrow();
        Object expected = EXPECTED_DATA.get(fixture);
        byte[] encoded = encode(type, expected);

        assertThat(validate(type, TestFiles.JSON.readTree(encoded).get("data"))).as("schema violations").isEmpty();
        assertThat(CODEC.decode(encoded, type).data()).isEqualTo(expected);
    }

    /**
     * Every bound a schema publishes ({@code minimum}, {@code minItems}), broken by one step in a
     * copy of a valid fixture: the schema and the codec (the record's constructor) must both reject
     * it. Catches a {@link Minimum} or {@link NonEmpty} the constructor does not enforce.
     */
    static Stream<Arguments> boundViolations() {
        return validFixtures().flatMap(fixture -> {
            JsonNode schema = TestFiles.classpathJson(typeOf(fixture).orElseThrow().schemaPath());
            List<Arguments> violations = new ArrayList<>();
            collectBoundViolations(schema, schema, TestFiles.json(FIXTURES.resolve(fixture)).get("data"), "",
                    (pointer, value) -> violations.add(Arguments.of(fixture, pointer, value)));
            return violations.stream();
        });
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @MethodSource("boundViolations")
    void everyPublishedBoundIsEnforcedByTheSchemaAndTheCodec(String fixture, String pointer, JsonNode value) {
        EventType<?> type = typeOf(fixture).orElseThrow();
        ObjectNode envelope = (ObjectNode) TestFiles.json(FIXTURES.resolve(fixture));
        JsonPointer target = JsonPointer.compile("/data" + pointer);
        JsonNode parent = envelope.at(target.head());
        if (parent instanceof ArrayNode array) {
            array.set(target.last().getMatchingIndex(), value);
        } else {
            ((ObjectNode) parent).set(target.last().getMatchingProperty(), value);
        }
        String field = pointer.substring(pointer.lastIndexOf('/') + 1);

        assertThat(validate(type, envelope.get("data")))
                .extracting(ValidationMessage::getMessage)
                .isNotEmpty()
                .allMatch(message -> message.contains(field), "names " + field);
        assertThatThrownBy(() -> CODEC.decode(TestFiles.JSON.writeValueAsBytes(envelope)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(field);
    }

    /** Walks data and schema together (following local $refs) and reports each bound one step out. */
    private static void collectBoundViolations(JsonNode root, JsonNode schema, JsonNode data, String pointer,
            BiConsumer<String, JsonNode> violation) {
        while (schema.has("$ref")) {
            schema = root.at(schema.get("$ref").asText().substring(1));
        }
        if (schema.has("minimum") && data.isIntegralNumber()) {
            violation.accept(pointer, LongNode.valueOf(schema.get("minimum").asLong() - 1));
        }
        if (schema.has("minItems") && data.isArray() && schema.get("minItems").asInt() > 0) {
            ArrayNode tooShort = TestFiles.JSON.createArrayNode();
            for (int i = 0; i < schema.get("minItems").asInt() - 1; i++) {
                tooShort.add(data.get(i));
            }
            violation.accept(pointer, tooShort);
        }
        if (data.isObject()) {
            for (var property : schema.path("properties").properties()) {
                if (data.hasNonNull(property.getKey())) {
                    collectBoundViolations(root, property.getValue(), data.get(property.getKey()),
                            pointer + "/" + property.getKey(), violation);
                }
            }
        }
        if (data.isArray() && schema.has("items")) {
            for (int i = 0; i < data.size(); i++) {
                collectBoundViolations(root, schema.get("items"), data.get(i), pointer + "/" + i, violation);
            }
        }
    }

    private static <T> byte[] encode(EventType<T> type, Object data) {
        return CODEC.encode(EventEnvelope.of(type, "/functions/test", "req-test", type.dataClass().cast(data)));
    }

    /** Validates as a consumer would: the schema loaded from the envelope's dataschema path. */
    private static Set<ValidationMessage> validate(EventType<?> type, JsonNode data) {
        JsonSchema schema = SCHEMAS.getSchema(SchemaLocation.of("classpath:" + type.schemaPath()));
        return schema.validate(data);
    }

    /** Fixture files are named {@code <type-name>.json} or {@code <type-name>-<what it shows>.json}. */
    private static Optional<EventType<?>> typeOf(String fixture) {
        return EventTypes.all().stream()
                .filter(type -> fixture.equals(type.name() + ".json") || fixture.startsWith(type.name() + "-"))
                .findFirst();
    }

    private static Stream<String> fixtureNames(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .sorted()
                    .toList();
            assertThat(names).as("fixtures named after a registered event type").allMatch(name -> typeOf(name).isPresent());
            return names.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, JsonNode schema) throws IOException {
        var printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        Files.createDirectories(file.getParent());
        Files.writeString(file, TestFiles.JSON.writer(printer).writeValueAsString(schema) + "\n");
    }
}
