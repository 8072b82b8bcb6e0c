package dev.shop.runtime.aws;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.events.EventCodec;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.invocation.InvocationMode;
import dev.shop.runtime.invocation.Invocations;
import dev.shop.runtime.http.HttpOperation;
import dev.shop.runtime.http.HttpRequest;
import dev.shop.runtime.http.HttpResponse;
import dev.shop.runtime.http.JsonBodies;
import dev.shop.runtime.metering.InvocationMeter;
import dev.shop.runtime.metering.MeteringWriter;
import dev.shop.runtime.testing.TestDatabase;
import dev.shop.runtime.testing.TestManifests;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recorded API Gateway HTTP API (payload 2.0) events, read with the AWS Lambda event serializer as the Spring
 * Cloud Function AWS adapter reads them, through the adapter function into a small HttpApi.
 */
class ApiGatewayHttpFunctionTest {

    record NewThing(@NotBlank String name, int quantity) {
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static TestDatabase database;
    static MeteringWriter writer;
    static InvocationMeter meter;
    static Invocations invocations;
    static ValidatorFactory validation;

    final AtomicInteger createCalls = new AtomicInteger();
    ApiGatewayHttpFunction function;

    @BeforeAll
    static void meterToRealDatabase() {
        database = TestDatabase.migrated("demo");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        writer = new MeteringWriter(database.jdbi(), registry, 1_000, 50);
        meter = new InvocationMeter(TestManifests.demo(), writer, registry, Clock.systemUTC());
        invocations = new Invocations(TestManifests.demo(), new EventCodec(), meter, database.jdbi(),
                InvocationMode.LONG_RUNNING, List.of());
        validation = Validation.buildDefaultValidatorFactory();
    }

    @AfterAll
    static void close() {
        validation.close();
        writer.close();
        database.close();
    }

    @BeforeEach
    void buildFunction() {
        JsonBodies bodies = new JsonBodies(JSON, validation.getValidator());
        HttpApi[] api = new HttpApi[1];
        HttpOperation unused = request -> HttpResponse.noContent();
        Map<String, HttpOperation> operations = Map.of(
                "getThing", request -> HttpResponse.json(200, api[0].json(Map.of(
                        "id", request.pathParameter("id"),
                        "expand", request.query("expand").orElse(""),
                        "limit", request.query("limit").orElse(""),
                        "userAgent", request.header("user-agent").orElse("")))),
                "createThing", request -> {
                    createCalls.incrementAndGet();
                    NewThing thing = bodies.read(request, NewThing.class);
                    return HttpResponse.json(201, api[0].json(thing));
                },
                "replaceThing", unused,
                "reserveThing", unused,
                "explode", unused);
        api[0] = new HttpApi(TestManifests.demo(), "demo", operations, invocations, JSON, Optional::empty);
        function = new ApiGatewayHttpFunction(api[0]);
    }

    @Test
    void routesGetWithPathParametersAndQueryString() throws IOException {
        APIGatewayV2HTTPResponse response = function.apply(event("apigw-get-thing.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getIsBase64Encoded()).isFalse();
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json")
                .containsEntry("x-correlation-id", "corr-get-thing-1");
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.get("id").asText()).isEqualTo("mug+42");
        assertThat(body.get("expand").asText()).isEqualTo("parts");
        assertThat(body.get("limit").asText()).isEqualTo("5");
        assertThat(body.get("userAgent").asText()).isEqualTo("curl/8.5.0");
    }

    @Test
    void decodesBase64EncodedBody() throws IOException {
        APIGatewayV2HTTPResponse response = function.apply(event("apigw-post-thing-base64.json"));

        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.get("name").asText()).isEqualTo("Travel Mug");
        assertThat(body.get("quantity").asInt()).isEqualTo(2);
        // no x-correlation-id from the caller: API Gateway's request id stands in
        assertThat(response.getHeaders()).containsEntry("x-correlation-id", "Ux2aCjR5FiAEMdx=");
    }

    @Test
    void answersBadRequestProblemForInvalidBase64Body() throws IOException {
        APIGatewayV2HTTPResponse response = function.apply(event("apigw-post-thing-invalid-base64.json"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = JSON.readTree(response.getBody());
        assertThat(problem.get("type").asText()).isEqualTo("/problems/malformed-json");
        assertThat(problem.get("detail").asText()).contains("base64");
        assertThat(createCalls).hasValue(0);
    }

    @Test
    void answersMethodNotAllowedOnTheDefaultRoute() throws IOException {
        APIGatewayV2HTTPResponse response = function.apply(event("apigw-delete-thing.json"));

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("allow", "GET, PUT");
    }

    @Test
    void readsAwsOwnEventWithItsAuthorizerClaims() throws IOException {
        HttpRequest request = ApiGatewayHttpFunction.toRequest(event("aws/apigw_http_event.json")).orElseThrow();

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/my/path");
        assertThat(request.query("parameter2")).contains("value");
        assertThat(request.header("header1")).as("header names are case-insensitive").contains("value1");
        assertThat(request.bodyText()).isEqualTo("Hello from Lambda!!");
        assertThat(request.correlationId()).as("API Gateway's request id").isEqualTo("id");
        assertThat(request.claims()).containsEntry("claim1", "value1").containsEntry("scope", "scope1 scope2");
    }

    @Test
    void answersAwsOwnEventOnAnUnknownRouteWithProblemDetails() throws IOException {
        APIGatewayV2HTTPResponse response = function.apply(event("aws/apigw_http_event.json"));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json")
                .containsEntry("x-correlation-id", "id");
        assertThat(JSON.readTree(response.getBody()).get("instance").asText()).isEqualTo("/my/path");
        assertThat(createCalls).hasValue(0);
    }

    private static APIGatewayV2HTTPEvent event(String name) throws IOException {
        try (InputStream in = ApiGatewayHttpFunctionTest.class.getResourceAsStream("/events/" + name)) {
            return LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class,
                    ApiGatewayHttpFunctionTest.class.getClassLoader()).fromJson(in);
        }
    }
}
