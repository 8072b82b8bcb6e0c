package dev.shop.workflow.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Task's {@code Parameters.Payload}: JSON whose keys ending in {@code .$} take their value from a path,
 * {@code "id.$": "$.checkoutId"} from the state's effective input, {@code "token.$": "$$.Task.Token"} from the
 * context object. Other values are copied as they are.
 */
public final class PayloadTemplate {

    /** Context fields a payload may name; {@code $$.Execution.Input} may be followed by any path. */
    static final List<String> CONTEXT_FIELDS = List.of("$$.Execution.Id", "$$.Execution.Name",
            "$$.Execution.StartTime", "$$.Execution.Input", "$$.State.Name", "$$.State.EnteredTime",
            "$$.State.RetryCount", "$$.StateMachine.Name", "$$.Task.Token");
    static final String TASK_TOKEN = "$$.Task.Token";

    private sealed interface Node permits Literal, ObjectTemplate, ArrayTemplate, InputValue, ContextValue {
    }

    private record Literal(JsonNode value) implements Node {
    }

    private record ObjectTemplate(Map<String, Node> fields) implements Node {
    }

    private record ArrayTemplate(List<Node> elements) implements Node {
    }

    /** {@code key.$} with a path into the effective input. */
    private record InputValue(String key, ReferencePath path) implements Node {
    }

    /** {@code key.$} with a {@code $$.} path into the context object. */
    private record ContextValue(String key, String text, ReferencePath path) implements Node {
    }

    private final JsonNode template;
    private final Node root;
    private final boolean passesTaskToken;

    private PayloadTemplate(JsonNode template, Node root, boolean passesTaskToken) {
        this.template = template;
        this.root = root;
        this.passesTaskToken = passesTaskToken;
    }

    /**
     * Compiles a payload; reports every bad path to {@code problems} (with its location under
     * {@code location}) and returns a template that skips them.
     */
    static PayloadTemplate compile(JsonNode template, String location, Consumer<DefinitionProblem> problems) {
        boolean[] token = {false};
        Node root = compile(template, location, problems, token);
        return new PayloadTemplate(template.deepCopy(), root, token[0]);
    }

    private static Node compile(JsonNode node, String location, Consumer<DefinitionProblem> problems, boolean[] token) {
        if (node.isObject()) {
            Map<String, Node> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = field.getKey();
                String fieldLocation = location + "." + key;
                if (!key.endsWith(".$")) {
                    fields.put(key, compile(field.getValue(), fieldLocation, problems, token));
                    continue;
                }
                String outputKey = key.substring(0, key.length() - 2);
                JsonNode value = field.getValue();
                if (!value.isTextual()) {
                    problems.accept(new DefinitionProblem(fieldLocation, "a '.$' field needs a path string"));
                } else if (value.textValue().startsWith("$$")) {
                    contextPath(value.textValue(), fieldLocation, problems).ifPresent(path -> {
                        fields.put(outputKey, new ContextValue(outputKey, value.textValue(), path));
                        token[0] |= value.textValue().equals(TASK_TOKEN);
                    });
                } else if (value.textValue().startsWith("$")) {
                    try {
                        fields.put(outputKey, new InputValue(outputKey, ReferencePath.parse(value.textValue())));
                    } catch (IllegalArgumentException e) {
                        problems.accept(new DefinitionProblem(fieldLocation, e.getMessage()));
                    }
                } else {
                    problems.accept(new DefinitionProblem(fieldLocation, "'" + value.textValue()
                            + "' is not a path; intrinsic functions (States.Format etc.) are not supported"));
                }
            }
            return new ObjectTemplate(fields);
        }
        if (node.isArray()) {
            List<Node> elements = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                elements.add(compile(node.get(i), location + "[" + i + "]", problems, token));
            }
            return new ArrayTemplate(elements);
        }
        return new Literal(node.deepCopy());
    }

    private static Optional<ReferencePath> contextPath(String text, String location,
                                                                 Consumer<DefinitionProblem> problems) {
        boolean known = CONTEXT_FIELDS.stream().anyMatch(field -> text.equals(field)
                || (field.equals("$$.Execution.Input") && (text.startsWith(field + ".") || text.startsWith(field + "["))));
        if (!known) {
            problems.accept(new DefinitionProblem(location, "unknown context path '" + text + "' (supported: "
                    + String.join(", ", CONTEXT_FIELDS) + ")"));
            return Optional.empty();
        }
        try {
            return Optional.of(ReferencePath.parse(text.substring(1)));
        } catch (IllegalArgumentException e) {
            problems.accept(new DefinitionProblem(location, e.getMessage()));
            return Optional.empty();
        }
    }

    /** True if the payload passes {@code $$.Task.Token}, as Step Functions demands of {@code .waitForTaskToken}. */
    public boolean passesTaskToken() {
        return passesTaskToken;
    }

    /** The payload as written in the definition. */
    public JsonNode template() {
        return template.deepCopy();
    }

    /**
     * The payload for one task: paths resolved against the effective input and the context object
     * ({@code {"Execution": {...}, "State": {...}, "StateMachine": {...}, "Task": {"Token": ...}}}).
     */
    public PathResult resolve(JsonNode input, JsonNode context) {
        List<String> missing = new ArrayList<>();
        JsonNode payload = resolve(root, input, context, missing);
        if (!missing.isEmpty()) {
            return new PathResult.Failed(ErrorNames.RUNTIME, "the Payload's " + String.join("; ", missing));
        }
        return new PathResult.Found(payload);
    }

    private static JsonNode resolve(Node node, JsonNode input, JsonNode context, List<String> missing) {
        return switch (node) {
            case Literal literal -> literal.value().deepCopy();
            case ObjectTemplate object -> {
                ObjectNode result = JsonNodeFactory.instance.objectNode();
                object.fields().forEach((key, value) -> result.set(key, resolve(value, input, context, missing)));
                yield result;
            }
            case ArrayTemplate array -> {
                ArrayNode result = JsonNodeFactory.instance.arrayNode();
                array.elements().forEach(element -> result.add(resolve(element, input, context, missing)));
                yield result;
            }
            case InputValue value -> value.path().read(input).<JsonNode>map(JsonNode::deepCopy).orElseGet(() -> {
                missing.add("path '" + value.path() + "' for field '" + value.key() + ".$' matches nothing in the input");
                return JsonNodeFactory.instance.nullNode();
            });
            case ContextValue value -> value.path().read(context).<JsonNode>map(JsonNode::deepCopy).orElseGet(() -> {
                missing.add("path '" + value.text() + "' for field '" + value.key() + ".$' matches nothing in the context");
                return JsonNodeFactory.instance.nullNode();
            });
        };
    }
}
