package dev.shop.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Generates the JSON Schema of an event type's {@code data} record, the source of truth for the
 * committed files under {@code src/main/resources/schemas/}.
 *
 * <p>Three rules make the schema say what the codec does:
 * <ul>
 *   <li>required: components annotated {@code @JsonProperty(required = true)} (Jackson enforces
 *       the same annotation when decoding);</li>
 *   <li>required as well: primitive components, because the codec rejects a missing or null
 *       primitive rather than inventing a 0 price;</li>
 *   <li>nullable ({@code ["string", "null"]}): every other component that can hold null, i.e.
 *       not primitive and not a collection (records normalise those to empty). The codec writes
 *       such nulls explicitly, so the schema must allow them.</li>
 * </ul>
 * Bounds the constructors enforce are published where the record declares them: {@link Minimum}
 * as {@code minimum}, {@link NonEmpty} as {@code minItems: 1}, {@link OneOf} as {@code enum}.
 *
 * <p>Objects stay open to additional properties so newer producers can add fields; a
 * {@code Map<String, Object>} component becomes a plain open {@code "type": "object"}. Nested
 * records are inlined where used, or placed under {@code $defs} and referenced when one schema uses
 * them more than once (victools' default).
 */
final class SchemaGenerator {

    private final com.github.victools.jsonschema.generator.SchemaGenerator generator;

    SchemaGenerator() {
        var config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED));
        config.forFields().withRequiredCheck(field -> field.getType().isPrimitive());
        config.forFields().withNullableCheck(SchemaGenerator::isNullable);
        config.forFields().withNumberInclusiveMinimumResolver(SchemaGenerator::minimum);
        config.forFields().withArrayMinItemsResolver(SchemaGenerator::minItems);
        config.forFields().withEnumResolver(SchemaGenerator::oneOf);
        // Same order as the record components, which is also the order Jackson writes them in.
        config.forTypesInGeneral().withPropertySorter(Comparator.comparingInt(SchemaGenerator::componentIndex));
        this.generator = new com.github.victools.jsonschema.generator.SchemaGenerator(config.build());
    }

    /** The schema for {@code type.dataClass()}, with {@code $id} the type name and {@code title} the record name. */
    ObjectNode schemaFor(EventType<?> type) {
        // Re-read so bounds (BigDecimal in victools) become the int nodes a parser gives for the file.
        ObjectNode generated = reparsed(generator.generateSchema(type.dataClass()));
        // Rebuilt only to put $id and title near the top of the written file; content is unchanged.
        ObjectNode schema = generated.objectNode();
        schema.set("$schema", generated.remove("$schema"));
        schema.put("$id", type.name());
        schema.put("title", type.dataClass().getSimpleName());
        schema.setAll(generated);
        return schema;
    }

    private static ObjectNode reparsed(ObjectNode schema) {
        try {
            return (ObjectNode) TestFiles.JSON.readTree(TestFiles.JSON.writeValueAsString(schema));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int componentIndex(MemberScope<?, ?> member) {
        RecordComponent[] components = member.getDeclaringType().getErasedType().getRecordComponents();
        if (components != null) {
            for (int i = 0; i < components.length; i++) {
                if (components[i].getName().equals(member.getDeclaredName())) {
                    return i;
                }
            }
        }
        return Integer.MAX_VALUE;
    }

    // Annotations of a list component are also offered for its items ("fake container item scope"):
    // the bound belongs to the component only.

    private static BigDecimal minimum(FieldScope field) {
        Minimum minimum = field.isFakeContainerItemScope() ? null : field.getAnnotationConsideringFieldAndGetter(Minimum.class);
        return minimum == null ? null : BigDecimal.valueOf(minimum.value());
    }

    private static Integer minItems(FieldScope field) {
        boolean nonEmpty = !field.isFakeContainerItemScope()
                && field.getAnnotationConsideringFieldAndGetter(NonEmpty.class) != null;
        return nonEmpty ? 1 : null;
    }

    private static List<String> oneOf(FieldScope field) {
        OneOf oneOf = field.isFakeContainerItemScope() ? null : field.getAnnotationConsideringFieldAndGetter(OneOf.class);
        return oneOf == null ? null : List.of(oneOf.value());
    }

    private static boolean isNullable(FieldScope field) {
        JsonProperty property = field.getAnnotationConsideringFieldAndGetter(JsonProperty.class);
        boolean required = property != null && property.required();
        return !required
                && !field.getType().isPrimitive()
                && !field.getType().isInstanceOf(Collection.class)
                && !field.getType().isInstanceOf(Map.class);
    }
}
