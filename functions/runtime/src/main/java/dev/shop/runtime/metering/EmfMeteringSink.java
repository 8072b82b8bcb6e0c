package dev.shop.runtime.metering;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Invocation records as CloudWatch Embedded Metric Format lines on standard output, which Lambda ships to
 * CloudWatch Logs, where they become metrics (namespace {@code Shop}, dimensions function and module) and stay
 * queryable for cost reports with Logs Insights. Nothing is written to the database on the invocation's path.
 */
public class EmfMeteringSink implements MeteringSink {

    static final String NAMESPACE = "Shop";

    private final ObjectMapper mapper;
    private final PrintStream out;

    public EmfMeteringSink(ObjectMapper mapper, PrintStream out) {
        this.mapper = mapper;
        this.out = out;
    }

    @Override
    public void submit(InvocationRecord r) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", Map.of(
                "Timestamp", r.startedAt().toEpochMilli(),
                "CloudWatchMetrics", List.of(Map.of(
                        "Namespace", NAMESPACE,
                        "Dimensions", List.of(List.of("function", "module")),
                        "Metrics", List.of(
                                Map.of("Name", "Duration", "Unit", "Microseconds"),
                                Map.of("Name", "Invocations", "Unit", "Count"))))));
        line.put("function", r.function());
        line.put("module", r.module());
        line.put("Duration", r.durationMicros());
        line.put("Invocations", 1);
        line.put("memoryMb", r.memoryMb());
        line.put("coldStart", r.coldStart());
        line.put("outcome", r.outcome().name());
        line.put("trigger", r.trigger().name());
        if (r.correlationId() != null) {
            line.put("correlationId", r.correlationId());
        }
        try {
            out.println(mapper.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metering line could not be written", e);
        }
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
