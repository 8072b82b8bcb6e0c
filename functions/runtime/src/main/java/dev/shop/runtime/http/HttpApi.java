package dev.shop.runtime.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.runtime.invocation.Invocations;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.metering.Outcome;
import dev.shop.runtime.metering.Trigger;
import dev.shop.runtime.problem.Problem;
import dev.shop.runtime.problem.ProblemException;
import dev.shop.runtime.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of one module, the same on every platform: matches a request to a function's route from the
 * manifest ({@link HttpRoutes}), checks admin routes and body size, runs the operation as one metered invocation
 * and turns every failure into problem details. Internal error messages are logged with the correlation id and
 * never sent to the client.
 */
public class HttpApi {

    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** The scope an API Gateway JWT authorizer's token must carry for an admin route. */
    public static final String ADMIN_SCOPE = "shop:admin";
    /** The id priming requests use in place of every path parameter, and as their correlation id. */
    public static final String PRIMING_ID = "snapstart-priming";
    private static final Pattern PRIMING_PARAMETER = Pattern.compile("\\{[^}]+}");

    private final HttpRoutes<BoundRoute> routes;
    private final Invocations invocations;
    private final ObjectMapper mapper;
    private final Supplier<Optional<String>> adminToken;
    private final boolean gatewayVerifiesAdmins;

    public HttpApi(FunctionManifest manifest, String module, Map<String, HttpOperation> operations,
                   Invocations invocations, ObjectMapper mapper, Supplier<Optional<String>> adminToken) {
        this(manifest, module, operations, invocations, mapper, adminToken, false);
    }

    /**
     * @param gatewayVerifiesAdmins whether an admin route also accepts a token the gateway verified (API Gateway's
     *                              JWT authorizer) carrying {@value #ADMIN_SCOPE}, besides the bearer admin token
     */
    public HttpApi(FunctionManifest manifest, String module, Map<String, HttpOperation> operations,
                   Invocations invocations, ObjectMapper mapper, Supplier<Optional<String>> adminToken,
                   boolean gatewayVerifiesAdmins) {
        this.invocations = invocations;
        this.mapper = mapper;
        this.adminToken = adminToken;
        this.gatewayVerifiesAdmins = gatewayVerifiesAdmins;
        HttpRoutes.Builder<BoundRoute> builder = HttpRoutes.builder();
        for (FunctionManifest.FunctionSpec function : manifest.functionsOf(module)) {
            for (FunctionManifest.HttpRoute route : function.http()) {
                HttpOperation operation = operations.get(function.name());
                if (operation == null) {
                    throw new IllegalStateException("module " + module + " has no HTTP operation for " + function.name());
                }
                builder.route(route.method(), route.path(), new BoundRoute(function.name(), route, operation));
            }
        }
        for (String name : operations.keySet()) {
            if (manifest.function(name).filter(f -> f.module().equals(module) && !f.http().isEmpty()).isEmpty()) {
                throw new IllegalStateException("HTTP operation " + name + " has no route in the manifest");
            }
        }
        this.routes = builder.build();
    }

    /** One HTTP invocation, on whichever platform received it; flushed before it returns where that matters. */
    public HttpResponse handle(HttpRequest request) {
        try {
            return dispatch(request).withHeader("x-correlation-id", request.correlationId());
        } finally {
            invocations.afterInvocation();
        }
    }

    /**
     * Runs every read route once, unmetered, before a SnapStart/CRaC checkpoint, so the snapshot holds loaded and
     * warmed classes (routing, Jackson, Jdbi, the driver) and the first shopper after a restore does not pay for
     * them. Only {@code GET} routes: they change nothing, and a placeholder id answers 404 or 400 as any unknown one
     * would. Answers each primed route key with its status.
     */
    public Map<String, Integer> prime() {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (HttpRoutes.Route<BoundRoute> route : routes.routes()) {
            FunctionManifest.HttpRoute http = route.target().route();
            if (!"GET".equals(http.method())) {
                continue;
            }
            HttpRequest request = HttpRequestBuilder.get(PRIMING_PARAMETER.matcher(http.path()).replaceAll(PRIMING_ID))
                    .correlationId(PRIMING_ID).build();
            if (routes.resolve(request.method(), request.path()) instanceof HttpRoutes.Matched<BoundRoute> matched) {
                statuses.put(http.routeKey(), invoke(matched.route().target(),
                        request.withPathParameters(matched.pathParameters())).status());
            }
        }
        return statuses;
    }

    private HttpResponse dispatch(HttpRequest request) {
        String path = request.path();
        return switch (routes.resolve(request.method(), path)) {
            case HttpRoutes.NoRoute<BoundRoute> none ->
                    problem(Problems.notFound("No route for " + request.method() + " " + path), request);
            case HttpRoutes.MethodNotAllowed<BoundRoute> notAllowed -> problem(Problems.methodNotAllowed(
                    request.method() + " is not allowed on " + path + "; use " + String.join(", ", notAllowed.allowed())),
                    request).withHeader("allow", String.join(", ", notAllowed.allowed()));
            case HttpRoutes.Matched<BoundRoute> matched -> {
                BoundRoute route = matched.route().target();
                HttpRequest bound = request.withPathParameters(matched.pathParameters());
                yield invocations.run(route.function(), Trigger.HTTP, request.correlationId(),
                        () -> invoke(route, bound), response -> Outcome.ofStatus(response.status()));
            }
        };
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
        if (gatewayVerifiesAdmins && Arrays.asList(request.claims().getOrDefault("scope", "").split(" "))
                .contains(ADMIN_SCOPE)) {
            return true;
        }
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
        return routes.routes().stream().map(r -> r.target().route().routeKey()).toList();
    }

    private record BoundRoute(String function, FunctionManifest.HttpRoute route, HttpOperation operation) {
    }
}
