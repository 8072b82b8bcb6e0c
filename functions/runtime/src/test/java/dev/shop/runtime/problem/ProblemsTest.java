package dev.shop.runtime.problem;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.runtime.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ProblemsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> documentedProblems() {
        return Stream.of(
                arguments(Problems.badRequest("quantity must be positive"), "/problems/validation", 400, "Bad request"),
                arguments(Problems.malformedJson("not JSON"), "/problems/malformed-json", 400, "Malformed JSON"),
                arguments(Problems.unauthorized("token needed"), "/problems/unauthorized", 401, "Unauthorized"),
                arguments(Problems.notFound("no such product"), "/problems/not-found", 404, "Not found"),
                arguments(Problems.methodNotAllowed("use GET"), "/problems/method-not-allowed", 405,
                        "Method not allowed"),
                arguments(Problems.conflict("version 3 is stale"), "/problems/conflict", 409, "Conflict"),
                arguments(Problems.payloadTooLarge(1024), "/problems/payload-too-large", 413, "Payload too large"),
                arguments(Problems.unsupportedMediaType("send JSON"), "/problems/unsupported-media-type", 415,
                        "Unsupported media type"),
                arguments(Problems.internalError(), "/problems/internal", 500, "Internal error"),
                arguments(Problems.unavailable(), "/problems/unavailable", 503, "Service unavailable"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("documentedProblems")
    void hasDocumentedTypeStatusAndTitle(Problem problem, String type, int status, String title) {
        assertThat(problem.type()).isEqualTo(type);
        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.title()).isEqualTo(title);
        assertThat(problem.detail()).isNotBlank();
        assertThat(problem.instance()).isNull();
    }

    @Test
    void saysWhichLimitABodyExceeded() {
        assertThat(Problems.payloadTooLarge(65536).detail()).contains("65536 bytes");
    }

    @Test
    void serverErrorsTellTheClientToRetryAndNothingElse() {
        assertThat(Problems.internalError().detail()).contains("not applied").contains("Retry");
        assertThat(Problems.unavailable().detail()).contains("not applied").contains("Retry");
    }

    @Test
    void namesTheFieldWhenOneIsInvalid() {
        Problem problem = Problems.invalidFields(List.of(new Problem.FieldError("quantity", "must be positive")));

        assertThat(problem.type()).isEqualTo("/problems/validation");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).isEqualTo("quantity: must be positive");
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("quantity", "must be positive"));
    }

    @Test
    void countsTheFieldsWhenSeveralAreInvalid() {
        Problem problem = Problems.invalidFields(List.of(new Problem.FieldError("name", "must not be blank"),
                new Problem.FieldError("quantity", "must be positive")));

        assertThat(problem.detail()).isEqualTo("2 fields are invalid");
        assertThat(problem.errors()).hasSize(2);
    }

    @Test
    void jsonOmitsNullAndEmptyFields() throws Exception {
        JsonNode json = JSON.readTree(JSON.writeValueAsString(Problems.notFound("No product A-1")));

        assertThat(json.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("type", "title", "status", "detail");
        assertThat(json.get("status").asInt()).isEqualTo(404);
    }

    @Test
    void jsonCarriesInstanceAndFieldErrorsWhenPresent() throws Exception {
        Problem problem = Problems.invalidFields(List.of(new Problem.FieldError("sku", "must not be blank")))
                .withInstance("/products/x");

        JsonNode json = JSON.readTree(JSON.writeValueAsString(problem));

        assertThat(json.get("instance").asText()).isEqualTo("/products/x");
        assertThat(json.get("errors").get(0).get("field").asText()).isEqualTo("sku");
        assertThat(json.get("errors").get(0).get("message").asText()).isEqualTo("must not be blank");
    }

    @Test
    void withInstanceKeepsEverythingElse() {
        Problem original = Problems.conflict("stale");

        Problem placed = original.withInstance("/carts/c-1");

        assertThat(placed).isEqualTo(new Problem(original.type(), original.title(), 409, "stale", "/carts/c-1",
                List.of()));
        assertThat(original.instance()).isNull();
    }

    @Test
    void nullErrorsBecomeAnEmptyList() {
        assertThat(new Problem("/problems/x", "X", 400, "d", null, null).errors()).isEmpty();
    }

    @Test
    void problemExceptionCarriesTheProblemAndItsDetail() {
        Problem problem = Problems.conflict("Thing t-1 is already reserved");

        ProblemException exception = new ProblemException(problem);

        assertThat(exception.problem()).isSameAs(problem);
        assertThat(exception.getMessage()).isEqualTo("Thing t-1 is already reserved");
        assertThat(exception.getStackTrace()).isEmpty();
    }

    @Test
    void problemResponseUsesTheProblemMediaTypeAndStatus() {
        HttpResponse response = HttpResponse.problem(Problems.unavailable(), "{}");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.headers()).containsEntry("content-type", Problem.MEDIA_TYPE);
        assertThat(Problem.MEDIA_TYPE).isEqualTo("application/problem+json");
    }
}
