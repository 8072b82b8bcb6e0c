package dev.shop.runtime.http;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shop.runtime.invocation.EventOutcome;
import dev.shop.runtime.invocation.Invocations;
import dev.shop.runtime.metering.Trigger;
import dev.shop.runtime.problem.Problem;
import dev.shop.runtime.problem.Problems;

/**
 * CloudEvents over HTTP, as Knative Eventing delivers a Kafka record to a service: the event is handed to the
 * named event function through the same invocation path as a Stream binding's record or an MSK batch's. Both
 * content modes are read: structured ({@code application/cloudevents+json}, the body is the whole event, which is
 * exactly the shop's {@code EventEnvelope}) and binary ({@code ce-*} headers, the body is the event's data).
 *
 * <p>Answers follow Knative's delivery rules: {@code 202} when the event was handled, was a redelivery or is not this
 * function's concern; {@code 400} problem details for a message no retry can fix (not retried, the trigger's dead
 * letter sink gets it); {@code 500} when the function failed for a reason a retry may fix.
 */
public class CloudEventRequests {

    /** The CloudEvents attributes the shop's envelopes carry, as binary-mode headers name them. */
    private static final String[] ATTRIBUTES = {"specversion", "id", "source", "type", "subject", "time", "dataschema"};

    private final Invocations invocations;
    private final ObjectMapper mapper;

    public CloudEventRequests(Invocations invocations, ObjectMapper mapper) {
        this.invocations = invocations;
        this.mapper = mapper;
    }

    /** Delivers the CloudEvent in {@code request} to event function {@code function}. */
    public HttpResponse handle(String function, HttpRequest request) {
        try {
            if (invocations.eventFunction(function).isEmpty()) {
                return problem(Problems.notFound("No event function " + function + " here"), request);
            }
            Optional<byte[]> envelope = envelope(request);
            if (envelope.isEmpty()) {
                return problem(Problems.badRequest("Send a CloudEvent: structured (application/cloudevents+json) or "
                        + "binary (ce-id, ce-type, ce-source and ce-specversion headers with a JSON body)"), request);
            }
            EventOutcome outcome;
            try {
                outcome = invocations.deliver(function, envelope.get(), Trigger.KAFKA);
            } catch (RuntimeException e) {
                return problem(Problems.internalError(), request);
            }
            return switch (outcome) {
                case EventOutcome.Rejected rejected -> problem(Problems.badRequest(
                        "The event cannot be handled by " + function + "; it is set aside, not retried"), request);
                case EventOutcome.Handled handled -> accepted(handled.eventId(), "handled");
                case EventOutcome.Redelivered redelivered -> accepted(redelivered.eventId(), "redelivered");
                case EventOutcome.Ignored ignored -> accepted(ignored.eventId(), "ignored");
            };
        } finally {
            invocations.afterInvocation();
        }
    }

    private Optional<byte[]> envelope(HttpRequest request) {
        String contentType = request.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/cloudevents+json")) {
            return request.body().length == 0 ? Optional.empty() : Optional.of(request.body());
        }
        if (request.header("ce-id").isEmpty() || request.header("ce-type").isEmpty()) {
            return Optional.empty();
        }
        ObjectNode envelope = mapper.createObjectNode();
        for (String attribute : ATTRIBUTES) {
            request.header("ce-" + attribute).ifPresent(value -> envelope.put(attribute, value));
        }
        try {
            JsonNode data = request.body().length == 0 ? mapper.nullNode() : mapper.readTree(request.body());
            envelope.set("data", data);
            return Optional.of(mapper.writeValueAsBytes(envelope));
        } catch (IOException e) {
            // Not JSON: the codec refuses the envelope, which the poison policy sets aside.
            envelope.put("data", request.bodyText());
            try {
                return Optional.of(mapper.writeValueAsBytes(envelope));
            } catch (IOException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    private HttpResponse accepted(String eventId, String outcome) {
        return HttpResponse.json(mapper, 202, java.util.Map.of("eventId", eventId, "outcome", outcome));
    }

    private HttpResponse problem(Problem problem, HttpRequest request) {
        Problem withInstance = problem.withInstance(request.path());
        try {
            return HttpResponse.problem(withInstance, mapper.writeValueAsString(withInstance));
        } catch (IOException e) {
            throw new IllegalStateException("problem could not be written as JSON", e);
        }
    }
}
