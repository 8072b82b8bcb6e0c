package dev.shop.runtime.http;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.shop.runtime.problem.Problem;
import dev.shop.runtime.problem.ProblemException;
import dev.shop.runtime.problem.Problems;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Reads a JSON request body into a record and validates it. Every way a body can be wrong (not JSON,
 * wrong types, unknown or missing fields, constraint violations) becomes a 400 problem that names the
 * field, never a 500 and never a partial write.
 */
public class JsonBodies {

    /** Why a text holding U+0000 is refused: Postgres text cannot store it. */
    public static final String NO_NUL = "must not contain the NUL character (U+0000)";

    private final ObjectMapper mapper;
    private final Validator validator;

    public JsonBodies(ObjectMapper mapper, Validator validator) {
        ObjectMapper strict = mapper.copy();
        // "2" is not a number and 123 is not a string: refuse coercion, as the event codec does.
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // ...and "2" is no number, "true" no boolean.
        for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            strict.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        this.mapper = strict
                .registerModule(new SimpleModule("no-nul-strings").addDeserializer(String.class, new StorableStrings()))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        this.validator = validator;
    }

    public <T> T read(HttpRequest request, Class<T> type) {
        String contentType = request.header("content-type").orElse("application/json").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/json") && !contentType.contains("+json")) {
            throw new ProblemException(Problems.unsupportedMediaType("Send the body as application/json"));
        }
        if (request.body().length == 0) {
            throw new ProblemException(Problems.malformedJson("The request needs a JSON body"));
        }
        T value;
        try {
            value = mapper.readValue(request.body(), type);
        } catch (UnrecognizedPropertyException e) {
            throw new ProblemException(Problems.invalidFields(List.of(
                    new Problem.FieldError(path(e), "is not a known field"))));
        } catch (InvalidFormatException e) {
            throw new ProblemException(Problems.invalidFields(List.of(
                    new Problem.FieldError(path(e), "must be " + describe(e.getTargetType())))));
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty()) {
                throw new ProblemException(Problems.malformedJson("The body must be a JSON object"));
            }
            throw new ProblemException(Problems.invalidFields(List.of(
                    new Problem.FieldError(field, "must be " + describe(e.getTargetType())))));
        } catch (JsonMappingException e) {
            // A record constructor refused the values (its own validation).
            String field = path(e);
            String message = e.getCause() instanceof IllegalArgumentException iae ? iae.getMessage() : "is invalid";
            throw new ProblemException(field.isEmpty() ? Problems.badRequest(message)
                    : Problems.invalidFields(List.of(new Problem.FieldError(field, message))));
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problems.malformedJson("The body is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (java.io.IOException e) {
            throw new ProblemException(Problems.malformedJson("The body could not be read"));
        }
        if (value == null) {
            throw new ProblemException(Problems.malformedJson("The body must be a JSON object, not null"));
        }
        validate(value);
        return value;
    }

    public <T> void validate(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ProblemException(Problems.invalidFields(violations.stream()
                    .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList()));
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /** Strings as Jackson reads them, refusing any that Postgres could not store, wherever they are in the body. */
    private static final class StorableStrings extends StringDeserializer {

        private static final long serialVersionUID = 1L;

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws java.io.IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                // Jackson wraps this with the field's path, as it does a record constructor's refusal.
                throw new IllegalArgumentException(NO_NUL);
            }
            return value;
        }
    }
}
