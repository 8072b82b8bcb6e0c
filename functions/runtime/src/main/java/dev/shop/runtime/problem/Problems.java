package dev.shop.runtime.problem;

import java.util.List;

/** The problem types this platform answers with; {@code type} is a stable, documented identifier. */
public final class Problems {

    private Problems() {
    }

    public static Problem badRequest(String detail) {
        return of("validation", "Bad request", 400, detail, List.of());
    }

    public static Problem invalidFields(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
        return of("validation", "Bad request", 400, detail, errors);
    }

    public static Problem malformedJson(String detail) {
        return of("malformed-json", "Malformed JSON", 400, detail, List.of());
    }

    public static Problem unauthorized(String detail) {
        return of("unauthorized", "Unauthorized", 401, detail, List.of());
    }

    public static Problem notFound(String detail) {
        return of("not-found", "Not found", 404, detail, List.of());
    }

    public static Problem methodNotAllowed(String detail) {
        return of("method-not-allowed", "Method not allowed", 405, detail, List.of());
    }

    public static Problem conflict(String detail) {
        return of("conflict", "Conflict", 409, detail, List.of());
    }

    public static Problem unprocessable(String detail) {
        return of("unprocessable", "Unprocessable request", 422, detail, List.of());
    }

    public static Problem payloadTooLarge(long limitBytes) {
        return of("payload-too-large", "Payload too large", 413,
                "The request body is larger than " + limitBytes + " bytes", List.of());
    }

    public static Problem unsupportedMediaType(String detail) {
        return of("unsupported-media-type", "Unsupported media type", 415, detail, List.of());
    }

    public static Problem internalError() {
        return of("internal", "Internal error", 500,
                "The request could not be completed; it was not applied. Retry later.", List.of());
    }

    public static Problem unavailable() {
        return of("unavailable", "Service unavailable", 503,
                "A backing service is unavailable; the request was not applied. Retry later.", List.of());
    }

    private static Problem of(String type, String title, int status, String detail, List<Problem.FieldError> errors) {
        return new Problem("/problems/" + type, title, status, detail, null, errors);
    }
}
