package dev.shop.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.shop.runtime.http.HttpRoutes;
import dev.shop.runtime.manifest.FunctionManifest;

/**
 * The HTTP routes of the function manifest, as API Gateway matches them: method plus path template, each
 * pointing at a function of a module.
 */
public final class GatewayRoutes {

    /** One route of one function, e.g. {@code GET /products/{sku}} of {@code getProduct} in {@code catalog}. */
    public record Route(String function, String module, String method, String path, int timeoutSeconds) {

        /** The API Gateway route key, e.g. {@code GET /products/{sku}}. */
        public String routeKey() {
            return method + " " + path;
        }
    }

    /** What a request's method and path resolve to. */
    public sealed interface Resolution {
    }

    /** A route fits: its function gets the request, with the path parameters it names. */
    public record Matched(Route route, Map<String, String> pathParameters) implements Resolution {
    }

    /** No route has this path. */
    public record NoRoute() implements Resolution {
    }

    /** Routes have this path, but none this method; {@code allowed} lists theirs (sorted, for {@code Allow}). */
    public record MethodNotAllowed(List<String> allowed) implements Resolution {
    }

    private final List<Route> routes;
    private final HttpRoutes<Route> matcher;

    private GatewayRoutes(List<Route> routes) {
        this.routes = List.copyOf(routes);
        HttpRoutes.Builder<Route> builder = HttpRoutes.builder();
        routes.forEach(route -> builder.route(route.method(), route.path(), route));
        this.matcher = builder.build();
    }

    public static GatewayRoutes of(FunctionManifest manifest) {
        List<Route> routes = new ArrayList<>();
        for (FunctionManifest.FunctionSpec function : manifest.functions()) {
            for (FunctionManifest.HttpRoute http : function.http()) {
                String method = http.method().toUpperCase(Locale.ROOT);
                routes.add(new Route(function.name(), function.module(), method, http.path(),
                        function.timeoutSeconds()));
            }
        }
        return new GatewayRoutes(routes);
    }

    /** Only the routes of these modules, for a gateway in front of some of them. */
    public GatewayRoutes onlyModules(java.util.Set<String> modules) {
        return new GatewayRoutes(routes.stream().filter(r -> modules.contains(r.module())).toList());
    }

    public List<Route> routes() {
        return routes;
    }

    /**
     * Resolves a request; {@code rawPath} is the path as sent (percent-encoded), as API Gateway matches it. The
     * runtime's own router decides, so the gateway and every function's HTTP face agree: the most specific route
     * wins ({@code /products/featured} before {@code /products/{sku}}).
     */
    public Resolution resolve(String method, String rawPath) {
        return switch (matcher.resolve(method, rawPath)) {
            case HttpRoutes.Matched<Route> matched -> new Matched(matched.route().target(), matched.pathParameters());
            case HttpRoutes.NoRoute<Route> none -> new NoRoute();
            case HttpRoutes.MethodNotAllowed<Route> notAllowed -> new MethodNotAllowed(notAllowed.allowed());
        };
    }
}
