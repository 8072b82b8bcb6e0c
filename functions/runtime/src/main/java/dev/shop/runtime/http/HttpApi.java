package dev.shop.runtime.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.metering.InvocationMeter;
import dev.shop.runtime.metering.Outcome;
import dev.shop.runtime.metering.Trigger;
import dev.shop.runtime.problem.Problem;
import dev.shop.runtime.problem.ProblemException;
import dev.shop.runtime.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of one module: matches a request to a function's route from the manifest, checks admin
 * routes and body size, meters the invocation and turns every failure into problem details. Internal
 * error messages are logged with the correlation id and never sent to the client.
 */
public class HttpApi {

    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final List<BoundRoute> routes;
    private final InvocationMeter meter;
    private final ObjectMapper mapper;
    private final Supplier<Optional<String>> adminToken;

    public HttpApi(FunctionManifest manifest, String module, Map<String, HttpOperation> operations,
                   InvocationMeter meter, ObjectMapper mapper, Supplier<Optional<String>> adminToken) {
        this.meter = meter;
        this.mapper = mapper;
        this.adminToken = adminToken;
        List<BoundRoute> bound = new ArrayList<>();
        for (FunctionManifest.FunctionSpec function : manifest.functionsOf(module)) {
            for (FunctionManifest.HttpRoute route : function.http()) {
                HttpOperation operation = operations.get(function.name());
                if (operation == null) {
                    throw new IllegalStateException("module " + module + " has no HTTP operation for " + function.name());
                }
                bound.add(new BoundRoute(function.name(), route, RouteTemplate.parse(route.path()), operation));
            }
        }
        for (String name : operations.keySet()) {
            if (bound.stream().noneMatch(r -> r.function().equals(name))) {
                throw new IllegalStateException("HTTP operation " + name + " has no route in the manifest");
            }
        }
        this.routes = List.copyOf(bound);
    }

    public HttpResponse handle(HttpRequest request) {
        return dispatch(request).withHeader("x-correlation-id", request.correlationId());
    }

    private HttpResponse dispatch(HttpRequest request) {
        String path = request.path();
        List<BoundRoute> pathMatches = routes.stream().filter(r -> r.template().match(path).isPresent()).toList();
        if (pathMatches.isEmpty()) {
            return problem(Problems.notFound("No route for " + request.method() + " " + path), request);
        }
        Optional<BoundRoute> match = pathMatches.stream()
                .filter(r -> r.route().method().equals(request.method())).findFirst();
        if (match.isEmpty()) {
            TreeSet<String> allowed = new TreeSet<>();
            pathMatches.forEach(r -> allowed.add(r.route().method()));
            return problem(Problems.methodNotAllowed(request.method() + " is not allowed on " + path
                    + "; use " + String.join(", ", allowed)), request).withHeader("allow", String.join(", ", allowed));
        }
        BoundRoute route = match.get();
        HttpRequest bound = request.withPathParameters(route.template().match(path).orElseThrow());
        InvocationMeter.Invocation invocation = meter.start(route.function(), Trigger.HTTP, request.correlationId());
        HttpResponse response = invoke(route, bound);
        invocation.end(Outcome.ofStatus(response.status()));
        return response;
    }

    private HttpResponse invoke(BoundRoute route, HttpRequest request) {
        try {
            if (route.route().adminOnly() && !authorized(request)) {
                return problem(Problems.unauthorized("This route needs 'Authorization: Bearer <admin token>'"), request);
            }
            if (request.body().length > MAX_BODY_BYTES) {
                return problem(Problems.payloadTooLarge(MAX_BODY_BYTES), request);
            }
            Optional<Problem.FieldError> unstorable = unstorableParameter(request);
            if (unstorable.isPresent()) {
                return problem(Problems.invalidFields(List.of(unstorable.get())), request);
            }
            return route.operation().handle(request);
        } catch (ProblemException e) {
            return problem(e.problem(), request);
        } catch (RuntimeException e) {
            log.error("{} failed (correlation id {})", route.function(), request.correlationId(), e);
            return problem(Problems.internalError(), request);
        }
    }

    /**
     * A path or query parameter no function can store: Postgres text cannot hold the NUL character, so it is
     * refused here, for every route, before any function sees it.
     */
    private static Optional<Problem.FieldError> unstorableParameter(HttpRequest request) {
        return Stream.of(request.pathParameters(), request.queryParameters())
                .flatMap(parameters -> new TreeMap<>(parameters).entrySet().stream())
                .filter(parameter -> parameter.getValue().indexOf('\0') >= 0)
                .findFirst()
                .map(parameter -> new Problem.FieldError(parameter.getKey(), JsonBodies.NO_NUL));
    }

    private boolean authorized(HttpRequest request) {
        Optional<String> expected = adminToken.get();
        Optional<String> given = request.header("authorization")
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim());
        return expected.isPresent() && given.isPresent() && MessageDigest.isEqual(
                expected.get().getBytes(StandardCharsets.UTF_8), given.get().getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse problem(Problem problem, HttpRequest request) {
        Problem withInstance = problem.withInstance(request.path());
        return HttpResponse.problem(withInstance, json(withInstance));
    }

    public String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response could not be written as JSON", e);
        }
    }

    public List<String> routeKeys() {
        return routes.stream().map(r -> r.route().routeKey()).toList();
    }

    private record BoundRoute(String function, FunctionManifest.HttpRoute route, RouteTemplate template,
                              HttpOperation operation) {
    }
}
