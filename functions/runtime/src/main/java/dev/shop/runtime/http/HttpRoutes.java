package dev.shop.runtime.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Routes by method and path template as API Gateway does, for the runtime's HTTP face and the local gateway alike:
 * Spring's {@link PathPattern} matches and decodes the path, and when several templates fit, the most specific wins
 * ({@code /products/featured} before {@code /products/{sku}}).
 *
 * @param <T> what a route leads to
 */
public final class HttpRoutes<T> {

    /** One route: method, template and where it leads. */
    public record Route<T>(String method, String path, PathPattern pattern, T target) {
    }

    /** What a request's method and path resolve to. */
    public sealed interface Resolution<T> {
    }

    /** A route fits; {@code pathParameters} are decoded. */
    public record Matched<T>(Route<T> route, Map<String, String> pathParameters) implements Resolution<T> {
    }

    /** No route has this path. */
    public record NoRoute<T>() implements Resolution<T> {
    }

    /** Routes have this path, but none this method; {@code allowed} is sorted, for {@code Allow}. */
    public record MethodNotAllowed<T>(List<String> allowed) implements Resolution<T> {
    }

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    private final List<Route<T>> routes;

    private HttpRoutes(List<Route<T>> routes) {
        List<Route<T>> sorted = new ArrayList<>(routes);
        sorted.sort(Comparator.comparing(Route::pattern, PathPattern.SPECIFICITY_COMPARATOR));
        this.routes = List.copyOf(sorted);
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    public List<Route<T>> routes() {
        return routes;
    }

    /** Resolves a request; {@code rawPath} is the path as sent (percent-encoded). */
    public Resolution<T> resolve(String method, String rawPath) {
        PathContainer path;
        try {
            path = PathContainer.parsePath(rawPath.length() > 1 && rawPath.endsWith("/")
                    ? rawPath.substring(0, rawPath.length() - 1) : rawPath);
        } catch (IllegalArgumentException malformed) {
            return new NoRoute<>();
        }
        String upper = method.toUpperCase(Locale.ROOT);
        TreeSet<String> allowed = new TreeSet<>();
        for (Route<T> route : routes) {
            PathPattern.PathMatchInfo match;
            try {
                match = route.pattern().matchAndExtract(path);
            } catch (IllegalArgumentException malformedEscape) {
                // "%zz" or a cut-off "%4": no path of this route (a 404), not a server error
                continue;
            }
            if (match == null || match.getUriVariables().values().stream().anyMatch(String::isEmpty)) {
                continue;
            }
            if (route.method().equals(upper)) {
                return new Matched<>(route, match.getUriVariables());
            }
            allowed.add(route.method());
        }
        return allowed.isEmpty() ? new NoRoute<>() : new MethodNotAllowed<>(List.copyOf(allowed));
    }

    public static final class Builder<T> {
        private final List<Route<T>> routes = new ArrayList<>();

        public Builder<T> route(String method, String path, T target) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("route path must start with '/': " + path);
            }
            routes.add(new Route<>(method.toUpperCase(Locale.ROOT), path, PARSER.parse(path), target));
            return this;
        }

        public HttpRoutes<T> build() {
            return new HttpRoutes<>(routes);
        }
    }
}
