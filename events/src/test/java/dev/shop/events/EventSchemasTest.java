package dev.shop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
    private static final Map<String, Object> EXPECTED_DATA = Map.of(
            "shop.product.changed.v1.json", SampleEvents.trailShoe(),
            "shop.product.changed.v1-only-required.json", SampleEvents.giftCard(),
            "shop.product.changed.v1-from-newer-producer.json", new ProductChanged("SKU-3003", "Rain jacket",
                    "Packs into its own pocket", "Peakline", "jackets", "yellow", "M", 8_900, "EUR",
                    List.of("rain"), 7, Instant.parse("2025-04-01T12:00:00Z")),
            "shop.product.deleted.v1.json", SampleEvents.deletedShoe());

    /** The field each invalid fixture gets wrong; both the schema and the codec must name it. */
    private static final Map<String, String> INVALID_FIELD = Map.of(
            "shop.product.changed.v1-missing-sku.json", "sku",
            "shop.product.changed.v1-price-as-string.json", "priceCents",
            "shop.product.deleted.v1-epoch-timestamp.json", "deletedAt");

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
