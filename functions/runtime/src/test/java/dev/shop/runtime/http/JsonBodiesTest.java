package dev.shop.runtime.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import dev.shop.runtime.problem.Problem;
import dev.shop.runtime.problem.ProblemException;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import static dev.shop.runtime.http.HttpRequestBuilder.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every way a JSON body can be wrong is a 400 problem that names the field; nothing becomes a 500. */
class JsonBodiesTest {

    /** A request body as a module would declare it. */
    record NewThing(@NotBlank String name, @NotNull @Min(1) @Max(100) Integer quantity, List<String> tags,
                    Window window) {
    }

    /** A record whose constructor checks its own values. */
    record Window(int from, int to) {
        Window {
            if (from > to) {
                throw new IllegalArgumentException("window.from must not be after window.to");
            }
        }
    }

    static ValidatorFactory validation;
    static JsonBodies bodies;

    @BeforeAll
    static void createBodies() {
        validation = Validation.buildDefaultValidatorFactory();
        // The mapper Spring Boot would inject: the builder with its defaults.
        bodies = new JsonBodies(Jackson2ObjectMapperBuilder.json().build(), validation.getValidator());
    }

    @AfterAll
    static void closeValidation() {
        validation.close();
    }

    @Test
    void readsAndValidatesAGoodBody() {
        NewThing thing = bodies.read(post("/things")
                .body("{\"name\": \"Mug\", \"quantity\": 3, \"tags\": [\"kitchen\"], \"window\": {\"from\": 1, \"to\": 2}}")
                .build(), NewThing.class);

        assertThat(thing).isEqualTo(new NewThing("Mug", 3, List.of("kitchen"), new Window(1, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "malformed.json,             /problems/malformed-json, ",
            "trailing-object.json,       /problems/malformed-json, ",
            "trailing-garbage.json,      /problems/malformed-json, ",
            "array-body.json,            /problems/malformed-json, ",
            "null-body.json,             /problems/malformed-json, ",
            "empty.json,                 /problems/malformed-json, ",
            "blank.json,                 /problems/malformed-json, ",
            "quantity-not-a-number.json, /problems/validation,     quantity",
            "quantity-as-numeric-string.json, /problems/validation, quantity",
            "name-as-number.json,        /problems/validation,     name",
            "fractional-quantity.json,   /problems/validation,     quantity",
            "name-not-a-string.json,     /problems/validation,     name",
            "tags-not-an-array.json,     /problems/validation,     tags",
            "unknown-field.json,         /problems/validation,     colour",
            "missing-name.json,          /problems/validation,     name",
            "missing-quantity.json,      /problems/validation,     quantity",
            "quantity-too-large.json,    /problems/validation,     quantity",
            "window-backwards.json,      /problems/validation,     window",
            "window-null-primitive.json, /problems/validation,     window.from",
            "name-with-nul.json,         /problems/validation,     name",
            "tag-with-nul.json,          /problems/validation,     tags[1]",
    })
    void answersBadRequestProblemNamingTheField(String fixture, String type, String field) throws IOException {
        Problem problem = problemReading(post("/things").body(fixture(fixture)).build());

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(type);
        assertThat(problem.detail()).isNotBlank()
                .doesNotContain("Exception").doesNotContain("dev.shop").doesNotContain("com.fasterxml");
        if (field == null) {
            assertThat(problem.errors()).isEmpty();
        } else {
            assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly(field);
            assertThat(problem.detail()).startsWith(field + ": ");
        }
    }

    @Test
    void describesWhatAWrongTypeShouldBe() throws IOException {
        assertThat(problemReading(post("/things").body(fixture("quantity-not-a-number.json")).build()).errors())
                .containsExactly(new Problem.FieldError("quantity", "must be a whole number"));
        assertThat(problemReading(post("/things").body(fixture("tags-not-an-array.json")).build()).errors())
                .containsExactly(new Problem.FieldError("tags", "must be an array"));
        assertThat(problemReading(post("/things").body(fixture("window-backwards.json")).build()).errors())
                .containsExactly(new Problem.FieldError("window", "window.from must not be after window.to"));
    }

    @Test
    void refusesTextPostgresCannotStoreWithAMessageSayingWhy() throws IOException {
        assertThat(problemReading(post("/things").body(fixture("name-with-nul.json")).build()).errors())
                .containsExactly(new Problem.FieldError("name", JsonBodies.NO_NUL));
    }

    @Test
    void listsEveryInvalidFieldInOrder() {
        Problem problem = problemReading(post("/things").body("{\"tags\": []}").build());

        assertThat(problem.type()).isEqualTo("/problems/validation");
        assertThat(problem.detail()).isEqualTo("2 fields are invalid");
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("name", "quantity");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/xml"})
    void answersUnsupportedMediaTypeForNonJsonBody(String contentType) {
        Problem problem = problemReading(post("/things").header("content-type", contentType)
                .body("{\"name\": \"Mug\", \"quantity\": 2}").build());

        assertThat(problem.status()).isEqualTo(415);
        assertThat(problem.type()).isEqualTo("/problems/unsupported-media-type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=UTF-8", "Application/JSON",
            "application/merge-patch+json"})
    void acceptsJsonMediaTypes(String contentType) {
        NewThing thing = bodies.read(post("/things").header("content-type", contentType)
                .body("{\"name\": \"Mug\", \"quantity\": 2}").build(), NewThing.class);

        assertThat(thing.name()).isEqualTo("Mug");
    }

    @Test
    void treatsABodyWithoutContentTypeAsJson() {
        NewThing thing = bodies.read(HttpRequestBuilder.request("POST", "/things")
                .body("{\"name\": \"Mug\", \"quantity\": 2}").build(), NewThing.class);

        assertThat(thing.quantity()).isEqualTo(2);
    }

    private static Problem problemReading(HttpRequest request) {
        ProblemException thrown = catchThrowableOfType(ProblemException.class,
                () -> bodies.read(request, NewThing.class));
        assertThat(thrown).as("reading %s", request.bodyText()).isNotNull();
        return thrown.problem();
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = JsonBodiesTest.class.getResourceAsStream("/requests/bad-thing/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
