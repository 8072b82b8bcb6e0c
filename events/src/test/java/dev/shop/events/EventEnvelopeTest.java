package dev.shop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventEnvelopeTest {

    private static final Instant TIME = Instant.parse("2025-03-14T09:00:00Z");
    private static final ProductDeleted DATA = SampleEvents.deletedShoe();

    @Test
    void ofFillsIdTimeAndSchemaFromTheType() {
        Instant before = Instant.now();
        var envelope = EventEnvelope.of(EventTypes.PRODUCT_CHANGED, "/functions/catalog", "req-1", SampleEvents.trailShoe());
        Instant after = Instant.now();

        assertThat(envelope.specversion()).isEqualTo("1.0");
        assertThat(UUID.fromString(envelope.id())).isNotNull();
        assertThat(envelope.source()).isEqualTo("/functions/catalog");
        assertThat(envelope.type()).isEqualTo("shop.product.changed.v1");
        assertThat(envelope.subject()).isEqualTo("req-1");
        assertThat(envelope.time()).isBetween(before, after);
        assertThat(envelope.dataschema()).isEqualTo("schemas/shop.product.changed.v1.json");
        assertThat(envelope.data()).isEqualTo(SampleEvents.trailShoe());
    }

    @Test
    void ofGivesEveryEventItsOwnId() {
        var first = EventEnvelope.of(EventTypes.PRODUCT_DELETED, "/functions/catalog", "req-1", DATA);
        var second = EventEnvelope.of(EventTypes.PRODUCT_DELETED, "/functions/catalog", "req-1", DATA);

        assertThat(first.id()).isNotEqualTo(second.id());
    }

    static Stream<Arguments> invalidEnvelopes() {
        return Stream.of(
                invalid("specversion 0.3", "specversion must be \"1.0\"",
                        () -> new EventEnvelope<>("0.3", "id-1", "/f", "t", "s", TIME, "d", DATA)),
                invalid("blank id", "id must not be blank",
                        () -> new EventEnvelope<>("1.0", " ", "/f", "t", "s", TIME, "d", DATA)),
                invalid("blank source", "source must not be blank",
                        () -> EventEnvelope.of(EventTypes.PRODUCT_DELETED, "", "req-1", DATA)),
                invalid("null subject", "subject must not be blank",
                        () -> EventEnvelope.of(EventTypes.PRODUCT_DELETED, "/f", null, DATA)),
                invalid("null time", "time must not be null",
                        () -> new EventEnvelope<>("1.0", "id-1", "/f", "t", "s", null, "d", DATA)),
                invalid("blank dataschema", "dataschema must not be blank",
                        () -> new EventEnvelope<>("1.0", "id-1", "/f", "t", "s", TIME, "", DATA)),
                invalid("null data", "data must not be null",
                        () -> EventEnvelope.of(EventTypes.PRODUCT_DELETED, "/f", "req-1", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEnvelopes")
    void rejectsIncompleteEnvelope(ThrowingCallable construction, String expectedMessage) {
        assertThatThrownBy(construction)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EventEnvelope." + expectedMessage);
    }

    private static Arguments invalid(String name, String message, ThrowingCallable construction) {
        return Arguments.of(Named.of(name, construction), message);
    }
}
