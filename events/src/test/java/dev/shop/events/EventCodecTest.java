package dev.shop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    private final EventEnvelope<ProductChanged> changed =
            EventEnvelope.of(EventTypes.PRODUCT_CHANGED, SampleEvents.SOURCE, SampleEvents.CORRELATION_ID, SampleEvents.trailShoe());

    @Test
    void roundTripsProductChanged() {
        assertThat(codec.decode(codec.encode(changed))).isEqualTo(changed);
        assertThat(codec.decode(codec.encode(changed), EventTypes.PRODUCT_CHANGED).data()).isEqualTo(SampleEvents.trailShoe());
    }

    @Test
    void roundTripsProductChangedWithOnlyRequiredFields() {
        var envelope = EventEnvelope.of(EventTypes.PRODUCT_CHANGED, SampleEvents.SOURCE, "req-2", SampleEvents.giftCard());

        assertThat(codec.decode(codec.encode(envelope))).isEqualTo(envelope);
    }

    @Test
    void roundTripsProductDeleted() {
        var envelope = EventEnvelope.of(EventTypes.PRODUCT_DELETED, SampleEvents.SOURCE, "req-3", SampleEvents.deletedShoe());

        EventEnvelope<ProductDeleted> decoded = codec.decode(codec.encode(envelope), EventTypes.PRODUCT_DELETED);

        assertThat(decoded).isEqualTo(envelope);
    }

    @Test
    void writesCloudEventsAttributesInOrder() throws Exception {
        assertThat(tree(changed).fieldNames()).toIterable()
                .containsExactly("specversion", "id", "source", "type", "subject", "time", "dataschema", "data");
    }

    @Test
    void writesTimesAsRfc3339Strings() throws Exception {
        ObjectNode tree = tree(changed);

        assertThat(tree.get("time").textValue()).isEqualTo(changed.time().toString());
        assertThat(tree.at("/data/updatedAt").textValue()).isEqualTo("2025-03-14T09:26:53.589Z");
    }

    @Test
    void writesAbsentOptionalFieldsAsExplicitNulls() throws Exception {
        var envelope = EventEnvelope.of(EventTypes.PRODUCT_CHANGED, SampleEvents.SOURCE, "req-2", SampleEvents.giftCard());

        JsonNode data = tree(envelope).get("data");

        assertThat(data.has("color")).isTrue();
        assertThat(data.get("color").isNull()).isTrue();
        assertThat(data.get("tags").isArray()).isTrue();
        assertThat(data.get("tags")).isEmpty();
    }

    @Test
    void ignoresUnknownFieldsFromNewerProducers() throws Exception {
        ObjectNode tree = tree(changed);
        tree.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        ((ObjectNode) tree.get("data")).put("weightGrams", 350);

        assertThat(codec.decode(bytes(tree))).isEqualTo(changed);
    }

    @Test
    void readsMissingTagsAsEmptyList() throws Exception {
        ObjectNode tree = tree(changed);
        ((ObjectNode) tree.get("data")).remove("tags");

        assertThat(codec.decode(bytes(tree), EventTypes.PRODUCT_CHANGED).data().tags()).isEmpty();
    }

    @Test
    void rejectsUnknownEventType() throws Exception {
        ObjectNode tree = tree(changed);
        tree.put("type", "shop.product.renamed.v1");

        assertThatThrownBy(() -> codec.decode(bytes(tree)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("unknown event type 'shop.product.renamed.v1'");
    }

    @Test
    void rejectsOtherTypeWhenOneTypeIsExpected() {
        byte[] payload = codec.encode(changed);

        assertThatThrownBy(() -> codec.decode(payload, EventTypes.PRODUCT_DELETED))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("expected event type 'shop.product.deleted.v1' but got 'shop.product.changed.v1'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"specversion", "id", "source", "type", "subject", "time", "dataschema", "data"})
    void rejectsEnvelopeWithoutAttribute(String attribute) throws Exception {
        ObjectNode tree = tree(changed);
        tree.remove(attribute);

        assertThatThrownBy(() -> codec.decode(bytes(tree)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(attribute);
    }

    @Test
    void rejectsOtherSpecVersion() throws Exception {
        ObjectNode tree = tree(changed);
        tree.put("specversion", "0.3");

        assertThatThrownBy(() -> codec.decode(bytes(tree)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("invalid envelope: EventEnvelope.specversion must be \"1.0\"");
    }

    @Test
    void rejectsNonStringAttribute() throws Exception {
        ObjectNode tree = tree(changed);
        tree.put("subject", 42);

        assertThatThrownBy(() -> codec.decode(bytes(tree)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("envelope field 'subject' must be a string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"definitely not json", "{\"type\": ", "[1, 2]", "{} trailing", ""})
    void rejectsPayloadThatIsNotAnEventObject(String payload) {
        assertThatThrownBy(() -> codec.decode(payload.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("payload is");
    }

    @Test
    void rejectsPriceSentAsString() throws Exception {
        ObjectNode tree = tree(changed);
        ((ObjectNode) tree.get("data")).put("priceCents", "129.99");

        assertThatThrownBy(() -> codec.decode(bytes(tree)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("data does not fit ProductChanged (shop.product.changed.v1): field 'priceCents'");
    }

    @Test
    void rejectsFractionalPrice() throws Exception {
        ObjectNode tree = tree(changed);
        ((ObjectNode) tree.get("data")).put("priceCents", 129.99);

        assertThatThrownBy(() -> codec.decode(bytes(tree)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("field 'priceCents'");
    }

    @Test
    void rejectsMissingPriceInsteadOfReadingZero() throws Exception {
        ObjectNode tree = tree(changed);
        ((ObjectNode) tree.get("data")).remove("priceCents");

        assertThatThrownBy(() -> codec.decode(bytes(tree)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("field 'priceCents'");
    }

    @Test
    void rejectsNumberWhereTextIsExpected() throws Exception {
        ObjectNode tree = tree(changed);
        ((ObjectNode) tree.get("data")).put("sku", 1001);

        assertThatThrownBy(() -> codec.decode(bytes(tree)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("field 'sku'");
    }

    @Test
    void rejectsEpochNumberAsTimestamp() throws Exception {
        ObjectNode tree = tree(changed);
        ((ObjectNode) tree.get("data")).put("updatedAt", 1741944413);

        assertThatThrownBy(() -> codec.decode(bytes(tree)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("field 'updatedAt'");
    }

    @Test
    void reportsRecordRuleThatDataBreaks() throws Exception {
        ObjectNode tree = tree(changed);
        ((ObjectNode) tree.get("data")).put("sku", "");

        assertThatThrownBy(() -> codec.decode(bytes(tree)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("data does not fit ProductChanged (shop.product.changed.v1): ProductChanged.sku must not be blank");
    }

    @Test
    void neverQuotesThePayloadInErrors() throws Exception {
        String marker = "customer-note-that-must-not-reach-the-logs";
        ObjectNode tree = tree(changed);
        ((ObjectNode) tree.get("data")).put("description", marker).put("priceCents", "free");
        String notJson = "{" + marker;

        assertThatThrownBy(() -> codec.decode(bytes(tree)))
                .isInstanceOf(MalformedEventException.class)
                .message().doesNotContain(marker);
        assertThatThrownBy(() -> codec.decode(notJson.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .message().doesNotContain(marker);
        assertThatThrownBy(() -> codec.decode(marker.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasNoCause()
                .message().doesNotContain(marker);
    }

    @Test
    void sharesItsMapperConventions() throws Exception {
        String json = codec.mapper().writeValueAsString(List.of(SampleEvents.deletedShoe()));

        assertThat(json).contains("\"deletedAt\":\"2025-03-16T08:00:00Z\"");
    }

    private ObjectNode tree(EventEnvelope<?> envelope) throws IOException {
        return (ObjectNode) codec.mapper().readTree(codec.encode(envelope));
    }

    private byte[] bytes(JsonNode tree) throws JsonProcessingException {
        return codec.mapper().writeValueAsBytes(tree);
    }
}
