package dev.shop.runtime.http;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.metering.InvocationMeter;
import dev.shop.runtime.metering.MeteringWriter;
import dev.shop.runtime.problem.ProblemException;
import dev.shop.runtime.problem.Problems;
import dev.shop.runtime.http.HttpRequestBuilder;
import dev.shop.runtime.testing.TestDatabase;
import dev.shop.runtime.testing.TestManifests;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import dev.shop.events.EventCodec;
import dev.shop.runtime.invocation.InvocationMode;
import dev.shop.runtime.invocation.Invocations;

import static dev.shop.runtime.http.HttpRequestBuilder.get;
import static dev.shop.runtime.http.HttpRequestBuilder.post;
import static dev.shop.runtime.http.HttpRequestBuilder.put;
import static dev.shop.runtime.http.HttpRequestBuilder.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP face of a module, built from the demo manifest, with metering written to a real database. */
class HttpApiTest {

    static final String ADMIN_TOKEN = "s3cret-admin-token";
    static final String SECRET = "password=hunter2-at-db-7.internal";
    static final ObjectMapper JSON = new ObjectMapper();

    static TestDatabase database;
    static MeteringWriter writer;
    static InvocationMeter meter;
    static Invocations invocations;
    static final FunctionManifest manifest = TestManifests.demo();

    final AtomicInteger createCalls = new AtomicInteger();
    final AtomicInteger replaceCalls = new AtomicInteger();
    HttpApi api;

    @BeforeAll
    static void meterToRealDatabase() {
        database = TestDatabase.migrated("demo");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        writer = new MeteringWriter(database.jdbi(), registry, 1_000, 50);
        meter = new InvocationMeter(manifest, writer, registry, Clock.systemUTC());
        invocations = new Invocations(manifest, new EventCodec(), meter, database.jdbi(), InvocationMode.LONG_RUNNING,
                List.of());
    }

    @AfterAll
    static void close() {
        writer.close();
        database.close();
    }

    @BeforeEach
    void buildApi() {
        api = new HttpApi(manifest, "demo", operations(), invocations, JSON, () -> Optional.of(ADMIN_TOKEN));
    }

    Map<String, HttpOperation> operations() {
        Map<String, HttpOperation> operations = new HashMap<>();
        operations.put("getThing", request -> HttpResponse.json(200, api.json(Map.of(
                "id", request.pathParameter("id"), "expand", request.query("expand").orElse("none")))));
        operations.put("createThing", request -> {
            createCalls.incrementAndGet();
            return HttpResponse.json(201, api.json(Map.of("bytes", request.body().length)));
        });
        operations.put("replaceThing", request -> {
            replaceCalls.incrementAndGet();
            return HttpResponse.json(200, api.json(Map.of("replaced", request.pathParameter("id"))));
        });
        operations.put("reserveThing", request -> {
            throw new ProblemException(Problems.conflict("Thing " + request.pathParameter("id") + " is already reserved"));
        });
        operations.put("explode", request -> {
            throw new IllegalStateException("could not connect with " + SECRET);
        });
        return operations;
    }

    @Test
    void servesTheRoutesOfItsModuleFromTheManifest() throws Exception {
        assertThat(api.routeKeys()).containsExactlyInAnyOrder("GET /things/{id}", "POST /things", "PUT /things/{id}",
                "POST /things/{id}/reservations", "GET /explode");

        HttpResponse response = api.handle(get("/things/a%20b").query("expand", "parts").build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("content-type", "application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("id").asText()).isEqualTo("a b");
        assertThat(body.get("expand").asText()).isEqualTo("parts");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nothing", "/things/1/reservations/2", "/others/1"})
    void answersNotFoundProblemForPathWithoutRoute(String path) throws Exception {
        HttpResponse response = api.handle(get(path).build());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        assertThat(response.headers()).containsKey("x-correlation-id");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("/problems/not-found");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("instance").asText()).isEqualTo(path);
        assertThat(problem.get("detail").asText()).contains(path);
    }

    @Test
    void answersNotFoundForMalformedPercentEncodingInsteadOfFailing() {
        HttpResponse response = api.handle(get("/things/%zz").build());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
    }

    @Test
    void answersMethodNotAllowedWithAllowHeader() throws Exception {
        HttpResponse delete = api.handle(request("DELETE", "/things/abc").build());
        HttpResponse getCollection = api.handle(get("/things").build());

        assertThat(delete.status()).isEqualTo(405);
        assertThat(delete.headers()).containsEntry("allow", "GET, PUT")
                .containsEntry("content-type", "application/problem+json");
        JsonNode problem = JSON.readTree(delete.body());
        assertThat(problem.get("type").asText()).isEqualTo("/problems/method-not-allowed");
        assertThat(problem.get("detail").asText()).contains("DELETE").contains("GET, PUT");
        assertThat(getCollection.status()).isEqualTo(405);
        assertThat(getCollection.headers()).containsEntry("allow", "POST");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Bearer wrong-token", "Bearer s3cret-admin-tokeX",
            "Bearer s3cret-admin-token-and-more", "Bearer s3cret-admin", "Basic s3cret-admin-token",
            "s3cret-admin-token"})
    void refusesAdminRouteWithoutTheRightBearerToken(String authorization) throws Exception {
        HttpRequestBuilder request = put("/things/t-1").body("{}");
        if (authorization != null) {
            request.header("authorization", authorization);
        }

        HttpResponse response = api.handle(request.build());

        assertThat(response.status()).isEqualTo(401);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("/problems/unauthorized");
        assertThat(response.body()).doesNotContain(ADMIN_TOKEN);
        assertThat(replaceCalls).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer s3cret-admin-token", "bearer s3cret-admin-token", "Bearer  s3cret-admin-token "})
    void servesAdminRouteWithTheRightBearerToken(String authorization) throws Exception {
        HttpResponse response = api.handle(put("/things/t-1").header("Authorization", authorization).body("{}").build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("replaced").asText()).isEqualTo("t-1");
        assertThat(replaceCalls).hasValue(1);
    }

    @Test
    void refusesEveryoneOnAdminRoutesWhenNoTokenIsConfigured() {
        HttpApi withoutToken = new HttpApi(manifest, "demo", operations(), invocations, JSON, Optional::empty);

        HttpResponse emptyBearer = withoutToken.handle(put("/things/t-1").header("authorization", "Bearer ").build());
        HttpResponse anyBearer = withoutToken.handle(put("/things/t-1")
                .header("authorization", "Bearer " + ADMIN_TOKEN).build());

        assertThat(emptyBearer.status()).isEqualTo(401);
        assertThat(anyBearer.status()).isEqualTo(401);
        assertThat(replaceCalls).hasValue(0);
    }

    @Test
    void refusesBodyOverTheLimitWith413WithoutCallingTheOperation() throws Exception {
        HttpResponse tooLarge = api.handle(post("/things").body(new byte[HttpApi.MAX_BODY_BYTES + 1]).build());

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(JSON.readTree(tooLarge.body()).get("type").asText()).isEqualTo("/problems/payload-too-large");
        assertThat(createCalls).hasValue(0);

        HttpResponse atTheLimit = api.handle(post("/things").body(new byte[HttpApi.MAX_BODY_BYTES]).build());

        assertThat(atTheLimit.status()).isEqualTo(201);
        assertThat(createCalls).hasValue(1);
    }

    @Test
    void answersTheProblemAnOperationThrows() throws Exception {
        HttpResponse response = api.handle(post("/things/t-7/reservations").body("{}").build());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("/problems/conflict");
        assertThat(problem.get("detail").asText()).isEqualTo("Thing t-7 is already reserved");
        assertThat(problem.get("instance").asText()).isEqualTo("/things/t-7/reservations");
    }

    @Test
    void answersInternalErrorWithoutLeakingTheExceptionMessage() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(HttpApi.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        HttpResponse response;
        try {
            response = api.handle(get("/explode").header("x-correlation-id", "corr-boom").build());
        } finally {
            logger.detachAppender(log);
        }

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json")
                .containsEntry("x-correlation-id", "corr-boom");
        assertThat(response.body()).doesNotContain(SECRET).doesNotContain("hunter2")
                .doesNotContain("IllegalStateException").doesNotContain("dev.shop");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("/problems/internal");
        assertThat(problem.get("detail").asText()).isEqualTo(Problems.internalError().detail());
        // The operator gets what the client does not: the cause, under the correlation id.
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains("explode").contains("corr-boom");
            assertThat(event.getThrowableProxy().getMessage()).contains(SECRET);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/things/a%00b", "/things/%00"})
    void refusesANulInAPathParameterAsBadRequestNamingIt(String path) throws Exception {
        HttpResponse response = api.handle(get(path).build());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("/problems/validation");
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("id");
        assertThat(problem.get("errors").findValuesAsText("message")).containsExactly(JsonBodies.NO_NUL);
    }

    @Test
    void refusesANulInAQueryParameterAsBadRequestWithoutCallingTheOperation() throws Exception {
        HttpResponse response = api.handle(get("/things/1").query("expand", "\u0000").build());

        assertThat(response.status()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("errors").findValuesAsText("field")).containsExactly("expand");
    }

    @Test
    void ignoresACorrelationIdWithControlCharacters() {
        HttpResponse response = api.handle(get("/things/1").requestId("req-7")
                .header("x-correlation-id", "corr\u0000id").build());

        assertThat(response.headers()).containsEntry("x-correlation-id", "req-7");
    }

    @Test
    void echoesTheCallersCorrelationId() {
        HttpResponse response = api.handle(get("/things/1").header("X-Correlation-Id", "corr-42").build());

        assertThat(response.headers()).containsEntry("x-correlation-id", "corr-42");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void usesTheRequestIdAsCorrelationIdWhenTheCallerSendsNone(String given) {
        HttpRequestBuilder request = get("/things/1").requestId("req-123");
        if (given != null) {
            request.header("x-correlation-id", given);
        }

        HttpResponse response = api.handle(request.build());

        assertThat(response.headers()).containsEntry("x-correlation-id", "req-123");
    }

    @Test
    void ignoresOverlongCorrelationId() {
        HttpResponse response = api.handle(get("/things/1").requestId("req-9")
                .header("x-correlation-id", "c".repeat(129)).build());

        assertThat(response.headers()).containsEntry("x-correlation-id", "req-9");
    }

    @Test
    void metersEveryRoutedInvocationWithItsOutcome() {
        String run = UUID.randomUUID().toString();
        api.handle(get("/things/1").header("x-correlation-id", run + "-ok").build());
        api.handle(put("/things/1").header("x-correlation-id", run + "-unauthorized").build());
        api.handle(post("/things/1/reservations").header("x-correlation-id", run + "-conflict").build());
        api.handle(get("/explode").header("x-correlation-id", run + "-boom").build());
        api.handle(get("/nowhere").header("x-correlation-id", run + "-unrouted").build());

        writer.flush();

        List<String> metered = database.jdbi().withHandle(h -> h.createQuery("""
                        select correlation_id || ' ' || function_name || ' ' || outcome || ' ' || trigger
                               || ' ' || memory_mb
                        from metering.invocations where correlation_id like :run""")
                .bind("run", run + "%").mapTo(String.class).list());
        assertThat(metered).containsExactlyInAnyOrder(
                run + "-ok getThing SUCCESS HTTP 256",
                run + "-unauthorized replaceThing REJECTED HTTP 1024",
                run + "-conflict reserveThing REJECTED HTTP 256",
                run + "-boom explode ERROR HTTP 128");
    }

    @Test
    void refusesToStartWhenARoutedFunctionHasNoOperation() {
        Map<String, HttpOperation> operations = operations();
        operations.remove("explode");

        assertThatThrownBy(() -> new HttpApi(manifest, "demo", operations, invocations, JSON, Optional::empty))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo").hasMessageContaining("explode");
    }

    @Test
    void refusesToStartWhenAnOperationHasNoRouteInTheManifest() {
        Map<String, HttpOperation> operations = operations();
        operations.put("ghostThing", request -> HttpResponse.noContent());

        assertThatThrownBy(() -> new HttpApi(manifest, "demo", operations, invocations, JSON, Optional::empty))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ghostThing");
    }

    @Test
    void refusesAnHttpOperationForAConsumerFunction() {
        Map<String, HttpOperation> operations = operations();
        operations.put("onThingEvent", request -> HttpResponse.noContent());

        assertThatThrownBy(() -> new HttpApi(manifest, "demo", operations, invocations, JSON, Optional::empty))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("onThingEvent");
    }

    @Test
    void primesEveryReadRouteWithoutWritingOrMetering() {
        Map<String, Integer> primed = api.prime();

        // The read routes only; the one that fails answers 500 as it would for a shopper, and priming carries on.
        assertThat(primed).containsOnly(Map.entry("GET /things/{id}", 200), Map.entry("GET /explode", 500));
        assertThat(createCalls).hasValue(0);
        assertThat(replaceCalls).hasValue(0);
        writer.flush();
        assertThat(database.count("select count(*) from metering.invocations where correlation_id = '"
                + HttpApi.PRIMING_ID + "'")).isZero();
    }
}
