package dev.shop.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Current schemas against their frozen released copies, and each compatibility rule on its own. */
class SchemaCompatibilityTest {

    private static final JsonNode BASE = compat("base.json");

    static List<EventType<?>> eventTypes() {
        return EventTypes.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void currentSchemaIsCompatibleWithTheReleasedOne(EventType<?> type) {
        String released = "schemas/released/" + type.name() + ".json";
        assertThat(getClass().getClassLoader().getResource(released))
                .as("%s is missing: copy %s there once, then never edit it", released, type.schemaPath())
                .isNotNull();

        List<String> breaking = SchemaCompatibility.breakingChanges(
                TestFiles.classpathJson(released), TestFiles.classpathJson(type.schemaPath()));

        assertThat(breaking)
                .as("breaking changes to %s; keep the field as it was, or add a new type version (v2)", type.name())
                .isEmpty();
    }

    @Test
    void acceptsAnUnchangedSchema() {
        assertThat(SchemaCompatibility.breakingChanges(BASE, BASE)).isEmpty();
    }

    @Test
    void acceptsNewOptionalPropertiesAtEveryLevel() {
        assertThat(SchemaCompatibility.breakingChanges(BASE, compat("compatible-evolution.json"))).isEmpty();
    }

    @Test
    void flagsRemovedProperty() {
        assertThat(SchemaCompatibility.breakingChanges(BASE, compat("removed-property.json")))
                .containsExactly("'color' was removed");
    }

    @Test
    void flagsChangedType() {
        assertThat(SchemaCompatibility.breakingChanges(BASE, compat("changed-type.json")))
                .containsExactly("'priceCents' type changed from [integer] to [string]");
    }

    @Test
    void flagsNarrowedType() {
        assertThat(SchemaCompatibility.breakingChanges(BASE, compat("narrowed-type.json")))
                .containsExactly("'color' type narrowed from [string, null] to [string]");
    }

    @Test
    void flagsWidenedType() {
        assertThat(SchemaCompatibility.breakingChanges(BASE, compat("widened-type.json")))
                .containsExactly("'sku' type widened from [string] to [string, null]");
    }

    @Test
    void flagsNewlyRequiredProperty() {
        assertThat(SchemaCompatibility.breakingChanges(BASE, compat("newly-required.json")))
                .containsExactly("'color' became required");
    }

    @Test
    void flagsPropertyThatIsNoLongerRequired() {
        assertThat(SchemaCompatibility.breakingChanges(BASE, compat("no-longer-required.json")))
                .containsExactly("'sku' is no longer required");
    }

    @Test
    void checksNestedObjectsAndArrayItems() {
        assertThat(SchemaCompatibility.breakingChanges(BASE, compat("nested-changes.json")))
                .containsExactly("'shipping.city' was removed", "'lines[].quantity' type changed from [integer] to [string]");
    }

    @Test
    void flagsObjectClosedToAdditionalProperties() {
        assertThat(SchemaCompatibility.breakingChanges(BASE, compat("closed-to-additional-properties.json")))
                .containsExactly("(root) no longer allows additional properties");
    }

    @Test
    void followsLocalRefsThroughRecursiveTypes() {
        assertThat(SchemaCompatibility.breakingChanges(compat("recursive-released.json"), compat("recursive-current.json")))
                .containsExactly("'name' is no longer required");
    }

    @Test
    void checksRecordsNestedInListsOfAnEventSchema() {
        JsonNode released = TestFiles.classpathJson(EventTypes.RESERVE_INVENTORY.schemaPath());
        ObjectNode current = released.deepCopy();
        ((ObjectNode) current.at("/properties/lines/items")).putArray("required").add("sku");

        assertThat(SchemaCompatibility.breakingChanges(released, current))
                .containsExactly("'lines[].quantity' is no longer required");
    }

    @Test
    void movingANestedRecordToDefsIsNoChange() {
        JsonNode released = TestFiles.classpathJson(EventTypes.CREATE_ORDER.schemaPath());
        ObjectNode current = released.deepCopy();
        current.putObject("$defs").set("OrderLine", current.at("/properties/lines/items"));
        ((ObjectNode) current.at("/properties/lines")).putObject("items").put("$ref", "#/$defs/OrderLine");

        assertThat(SchemaCompatibility.breakingChanges(released, current)).isEmpty();
        ((ObjectNode) current.at("/$defs/OrderLine/properties")).remove("name");
        assertThat(SchemaCompatibility.breakingChanges(released, current)).containsExactly("'lines[].name' was removed");
    }

    @Test
    void keepsAFreeFormObjectOpen() {
        JsonNode released = TestFiles.classpathJson(EventTypes.TASK_SUCCEEDED.schemaPath());
        ObjectNode closed = released.deepCopy();
        ((ObjectNode) closed.at("/properties/output")).put("additionalProperties", false);
        ObjectNode nullable = released.deepCopy();
        ((ObjectNode) nullable.at("/properties/output")).putArray("type").add("object").add("null");

        assertThat(released.at("/properties/output/type").asText()).isEqualTo("object");
        assertThat(SchemaCompatibility.breakingChanges(released, closed))
                .containsExactly("'output' no longer allows additional properties");
        assertThat(SchemaCompatibility.breakingChanges(released, nullable))
                .containsExactly("'output' type widened from [object] to [object, null]");
    }

    private static JsonNode compat(String file) {
        return TestFiles.classpathJson("compat/" + file);
    }
}
