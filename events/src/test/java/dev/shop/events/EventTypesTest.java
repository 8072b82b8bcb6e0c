package dev.shop.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void listsEveryTypeInDeclarationOrder() {
        assertThat(EventTypes.all()).startsWith(EventTypes.PRODUCT_CHANGED, EventTypes.PRODUCT_DELETED, EventTypes.CART_CHANGED);
    }

    @Test
    void registersEveryTypeConstantExactlyOnce() {
        List<Object> declared = constants(Object.class, field -> field.getType() == EventType.class);

        assertThat(declared).as("EventType constants").containsExactlyInAnyOrderElementsOf(EventTypes.all());
    }

    @Test
    void productEventsTravelOnTheProductTopic() {
        assertThat(EventTypes.PRODUCT_CHANGED.topic()).isEqualTo("product-events");
        assertThat(EventTypes.PRODUCT_DELETED.topic()).isEqualTo("product-events");
    }

    /** A topic typed as a literal in {@code register(...)} would be a topic nobody maps or consumes. */
    @Test
    void everyTypeTravelsOnADeclaredTopic() {
        Set<String> declaredTopics = Set.copyOf(topics());

        assertThat(EventTypes.all())
                .allSatisfy(type -> assertThat(declaredTopics)
                        .as("topic of %s must be one of the EventTypes.*_TOPIC constants", type.name())
                        .contains(type.topic()));
    }

    @Test
    void everyDeclaredTopicIsUsedAndWellFormed() {
        Set<String> usedTopics = EventTypes.all().stream().map(EventType::topic).collect(Collectors.toSet());

        assertThat(topics())
                .as("EventTypes.*_TOPIC constants")
                .doesNotHaveDuplicates()
                .allMatch(topic -> topic.matches("[a-z]+(-[a-z]+)*"), "lower-case words joined by '-'")
                .allMatch(usedTopics::contains, "used by a registered type");
    }

    @Test
    void typeNamesAreVersioned() {
        assertThat(EventTypes.all()).extracting(EventType::name)
                .allMatch(name -> name.matches("shop(\\.[a-z]+(-[a-z]+)*)+\\.v[1-9][0-9]*"),
                        "shop.<area>.<what>.v<n>, lower-case words joined by '-'");
    }

    @Test
    void findsTypesByVersionedName() {
        assertThat(EventTypes.byName("shop.product.changed.v1")).contains(EventTypes.PRODUCT_CHANGED);
        assertThat(EventTypes.byName("shop.product.deleted.v1")).contains(EventTypes.PRODUCT_DELETED);
        assertThat(EventTypes.byName("shop.inventory.reserve.v1")).contains(EventTypes.RESERVE_INVENTORY);
        assertThat(EventTypes.byName("shop.task.succeeded.v1")).contains(EventTypes.TASK_SUCCEEDED);
    }

    @Test
    void findsNothingForUnknownOrMissingName() {
        assertThat(EventTypes.byName("shop.product.changed.v2")).isEmpty();
        assertThat(EventTypes.byName(null)).isEmpty();
    }

    @Test
    void schemaPathIsDerivedFromTheName() {
        assertThat(EventTypes.PRODUCT_CHANGED.schemaPath()).isEqualTo("schemas/shop.product.changed.v1.json");
    }

    @Test
    void allIsReadOnly() {
        assertThat(EventTypes.all()).isUnmodifiable();
    }

    /** The logical topics: the {@code public static final String *_TOPIC} constants of {@link EventTypes}. */
    private static List<String> topics() {
        return constants(String.class, field -> field.getType() == String.class && field.getName().endsWith("_TOPIC"));
    }

    /** Values of the public static final fields of {@link EventTypes} that {@code which} selects. */
    private static <T> List<T> constants(Class<T> valueType, Predicate<Field> which) {
        return Arrays.stream(EventTypes.class.getDeclaredFields())
                .filter(which)
                .filter(field -> Modifier.isPublic(field.getModifiers()) && Modifier.isStatic(field.getModifiers())
                        && Modifier.isFinal(field.getModifiers()))
                .map(field -> valueType.cast(value(field)))
                .toList();
    }

    private static Object value(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
