package dev.shop.workflow.definition;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferencePathTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final JsonNode ORDER = json("""
            {'checkoutId': 'c-1', 'customer': {'id': 'u-7', 'tags': null},
             'lines': [{'sku': 'MUG', 'quantity': 2}, {'sku': 'CUP', 'quantity': 1}], 'odd key': true}""");

    @Test
    void rootReadsTheWholeDocument() {
        assertThat(ReferencePath.parse("$").isRoot()).isTrue();
        assertThat(ReferencePath.parse("$").read(ORDER)).contains(ORDER);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "$.checkoutId           | 'c-1'",
            "$.customer.id          | 'u-7'",
            "$.lines[1].sku         | 'CUP'",
            "$.lines[0]             | {'sku': 'MUG', 'quantity': 2}",
            "$['odd key']           | true",
            "$.customer['id']       | 'u-7'",
            "$.customer.tags        | null",
    })
    void readsFieldsIndexesAndQuotedNames(String path, String expected) {
        assertThat(ReferencePath.parse(path).read(ORDER)).contains(json(expected));
    }

    @ParameterizedTest
    @CsvSource({"$.missing", "$.customer.id.deeper", "$.lines[2]", "$.lines.sku", "$.checkoutId[0]"})
    void readsNothingWhereTheDocumentHasNothing(String path) {
        assertThat(ReferencePath.parse(path).read(ORDER)).isEmpty();
    }

    @Test
    void writingAtTheRootReplacesTheDocument() {
        assertThat(ReferencePath.root().write(ORDER, json("{'replaced': 1}"))).contains(json("{'replaced': 1}"));
    }

    @Test
    void writingCreatesIntermediateObjectsAndLeavesTheOriginalAlone() {
        JsonNode original = ORDER.deepCopy();

        JsonNode written = ReferencePath.parse("$.payment.result.id").write(ORDER, json("'p-9'")).orElseThrow();

        assertThat(written.at("/payment/result/id").textValue()).isEqualTo("p-9");
        assertThat(written.get("checkoutId").textValue()).isEqualTo("c-1");
        assertThat(ORDER).isEqualTo(original);
    }

    @Test
    void writingReplacesAnExistingFieldAndFillsANullOne() {
        assertThat(ReferencePath.parse("$.customer.id").write(ORDER, json("'u-8'")).orElseThrow().at("/customer/id").textValue())
                .isEqualTo("u-8");
        assertThat(ReferencePath.parse("$.customer.tags.vip").write(ORDER, json("true")).orElseThrow()
                .at("/customer/tags/vip").booleanValue()).isTrue();
    }

    @Test
    void writingIntoAnArrayElementThatExists() {
        JsonNode written = ReferencePath.parse("$.lines[1].reserved").write(ORDER, json("true")).orElseThrow();

        assertThat(written.at("/lines/1/reserved").booleanValue()).isTrue();
        assertThat(ReferencePath.parse("$.lines[5].reserved").write(ORDER, json("true"))).isEmpty();
    }

    @Test
    void cannotWriteThroughAScalarOrIntoAScalarDocument() {
        assertThat(ReferencePath.parse("$.checkoutId.x").write(ORDER, json("1"))).isEmpty();
        assertThat(ReferencePath.parse("$.result").write(json("'just a string'"), json("1"))).isEmpty();
    }

    @Test
    void discardingAResultIsAnEmptyResultPath() {
        DataPaths discard = new DataPaths(Optional.of(ReferencePath.root()), Optional.empty(),
                Optional.of(ReferencePath.root()));

        assertThat(discard.combine(ORDER, json("{'ignored': true}"))).isEqualTo(new PathResult.Found(ORDER));
        assertThat(DataPaths.DEFAULTS.combine(ORDER, json("{'result': true}")))
                .isEqualTo(new PathResult.Found(json("{'result': true}")));
    }

    @Test
    void nullInputAndOutputPathsGiveAnEmptyObject() {
        DataPaths none = new DataPaths(Optional.empty(), Optional.of(ReferencePath.root()),
                Optional.empty());

        assertThat(none.effectiveInput(ORDER)).isEqualTo(new PathResult.Found(json("{}")));
        assertThat(none.output(ORDER)).isEqualTo(new PathResult.Found(json("{}")));
    }

    @Test
    void aPathThatMatchesNothingIsAStatesRuntimeError() {
        DataPaths paths = new DataPaths(Optional.of(ReferencePath.parse("$.nope")),
                Optional.of(ReferencePath.root()), Optional.of(ReferencePath.root()));

        assertThat(paths.effectiveInput(ORDER)).isInstanceOfSatisfying(PathResult.Failed.class, failed -> {
            assertThat(failed.error()).isEqualTo("States.Runtime");
            assertThat(failed.cause()).contains("InputPath '$.nope'");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "``                 | must not be empty",
            "checkoutId         | must start with '$'",
            "$$.Task.Token      | context object",
            "$.lines[*].sku     | no wildcards",
            "$..sku             | recursive descent",
            "$.lines[?(@.x)]    | no wildcards",
            "$.lines[0         | without ']'",
            "$.                 | unexpected the end",
            "$.a b              | unexpected ' '",
            "$.lines[-1]        | only [<index>]",
    })
    void rejectsWhatIsNotAReferencePath(String path, String problem) {
        assertThatThrownBy(() -> ReferencePath.parse(path))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void equalPathsAreEqualWhateverTheSpelling() {
        assertThat(ReferencePath.parse("$.a.b")).isEqualTo(ReferencePath.parse("$['a']['b']"));
        assertThat(ReferencePath.parse("$.a.b")).hasToString("$.a.b");
    }
}
