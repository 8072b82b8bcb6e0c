package dev.shop.runtime.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A path template such as {@code /carts/{cartId}/items/{sku}}, matched segment by segment. */
public record RouteTemplate(String template, String[] segments) {

    // A "+" in a path segment is a literal plus, not a space as in form encoding.
    public static RouteTemplate parse(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("route path must start with '/': " + template);
        }
        return new RouteTemplate(template, split(template));
    }

    /** The path parameters when {@code path} fits this template, decoded. */
    public Optional<Map<String, String>> match(String path) {
        String[] parts = split(path);
        if (parts.length != segments.length) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String segment = segments[i];
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String value;
                try {
                    value = URLDecoder.decode(parts[i].replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformedEscape) {
                    // "%zz" or a cut-off "%4": no path of this route (a 404), not a server error
                    return Optional.empty();
                }
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(segment.substring(1, segment.length() - 1), value);
            } else if (!segment.equals(parts[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    private static String[] split(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.equals("/") ? new String[0] : trimmed.substring(1).split("/", -1);
    }
}
