package dev.shop.workflow.definition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads an ASL definition into a {@link StateMachine}, collecting every problem (with its JSON location) before
 * giving up, so one run of the parser lists all that is wrong.
 */
final class DefinitionParser {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private static final int MAX_STATE_NAME_LENGTH = 80;
    private static final String TYPES = "Task, Choice, Pass, Succeed, Fail";
    private static final List<String> TOP_LEVEL_FIELDS = List.of("Comment", "StartAt", "States", "TimeoutSeconds");
    private static final Map<String, List<String>> STATE_FIELDS = Map.of(
            "Task", List.of("Type", "Comment", "Resource", "Parameters", "TimeoutSeconds", "Retry", "Catch",
                    "InputPath", "ResultPath", "OutputPath", "Next", "End"),
            "Pass", List.of("Type", "Comment", "Result", "InputPath", "ResultPath", "OutputPath", "Next", "End"),
            "Choice", List.of("Type", "Comment", "Choices", "Default", "InputPath", "OutputPath"),
            "Succeed", List.of("Type", "Comment", "InputPath", "OutputPath"),
            "Fail", List.of("Type", "Comment", "Error", "Cause", "ErrorPath", "CausePath"));
    /** FunctionName.$ gets its own message. */
    private static final List<String> PARAMETERS_FIELDS = List.of("FunctionName", "FunctionName.$", "Payload");
    private static final List<String> RETRIER_FIELDS =
            List.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds");
    private static final List<String> CATCHER_FIELDS = List.of("ErrorEquals", "Next", "ResultPath");
    /** The comparison operators, in declaration order (for messages). */
    private static final List<String> OPERATORS = Arrays.stream(ChoiceRule.Operator.values()).map(Enum::name).toList();

    private final List<DefinitionProblem> problems = new ArrayList<>();
    /** (location of a field naming a state, the state it names), checked once every state is known. */
    private final List<Map.Entry<String, String>> references = new ArrayList<>();

    StateMachine parse(String name, String json) {
        JsonNode root = readJson(json);
        if (root == null) {
            throw new InvalidDefinitionException(problems);
        }
        unsupportedFields(root, "", TOP_LEVEL_FIELDS, "at the top level");
        String comment = optionalText(root, "Comment", "Comment");
        Integer timeoutSeconds = positiveInt(root, "TimeoutSeconds", "TimeoutSeconds");
        String startAt = optionalText(root, "StartAt", "StartAt");
        if (startAt == null && !root.has("StartAt")) {
            problem("StartAt", "is missing; it names the state the execution starts in");
        }

        Map<String, State> states = new LinkedHashMap<>();
        JsonNode statesNode = root.get("States");
        if (statesNode == null) {
            problem("States", "is missing");
        } else if (!statesNode.isObject() || statesNode.isEmpty()) {
            problem("States", "must be an object with at least one state");
        } else {
            for (Map.Entry<String, JsonNode> entry : statesNode.properties()) {
                state(entry.getKey(), entry.getValue()).ifPresent(state -> states.put(state.name(), state));
            }
        }

        if (statesNode != null && statesNode.isObject()) {
            Set<String> declared = new HashSet<>();
            statesNode.fieldNames().forEachRemaining(declared::add);
            for (Map.Entry<String, String> reference : references) {
                if (!declared.contains(reference.getValue())) {
                    problem(reference.getKey(), "names unknown state '" + reference.getValue() + "'");
                }
            }
            if (startAt != null && !declared.contains(startAt)) {
                problem("StartAt", "names unknown state '" + startAt + "'");
            }
            // The graph checks only make sense on a graph without broken parts; they would repeat those.
            if (problems.isEmpty()) {
                unreachable(startAt, states);
                if (states.values().stream().noneMatch(State::terminal)) {
                    problem("States", "no terminal state: at least one state must be Succeed or Fail, or have \"End\": true");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems);
        }
        return new StateMachine(name, comment, startAt, timeoutSeconds, states, json);
    }

    private JsonNode readJson(String json) {
        if (json == null || json.isBlank()) {
            problem("(document)", "is empty");
            return null;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            problem("(document)", "is not valid JSON: " + e.getOriginalMessage()
                    + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
            return null;
        }
        if (root == null || !root.isObject()) {
            problem("(document)", "must be a JSON object");
            return null;
        }
        return root;
    }

    private void unreachable(String startAt, Map<String, State> states) {
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(startAt));
        while (!pending.isEmpty()) {
            String current = pending.pop();
            State state = states.get(current);
            if (state != null && reached.add(current)) {
                pending.addAll(state.successors());
            }
        }
        states.keySet().stream()
                .filter(stateName -> !reached.contains(stateName))
                .forEach(stateName -> problem(statePath(stateName), "state '" + stateName + "' is unreachable from StartAt"));
    }

    // ---- states

    private Optional<State> state(String name, JsonNode node) {
        String at = statePath(name);
        if (name.isEmpty() || name.length() > MAX_STATE_NAME_LENGTH) {
            problem(at, "a state name must have 1 to " + MAX_STATE_NAME_LENGTH + " characters");
        }
        if (!node.isObject()) {
            problem(at, "must be an object");
            return Optional.empty();
        }
        JsonNode typeNode = node.get("Type");
        if (typeNode == null || !typeNode.isTextual()) {
            problem(at + ".Type", "is missing (supported: " + TYPES + ")");
            return Optional.empty();
        }
        String type = typeNode.textValue();
        List<String> allowed = STATE_FIELDS.get(type);
        if (allowed == null) {
            problem(at + ".Type", "unknown state Type '" + type + "' in '" + name + "' (supported: " + TYPES + ")");
            return Optional.empty();
        }
        unsupportedFields(node, at + ".", allowed, "in a " + type + " state");
        String comment = optionalText(node, "Comment", at + ".Comment");
        State state = switch (type) {
            case "Task" -> task(name, comment, node, at);
            case "Pass" -> pass(name, comment, node, at);
            case "Choice" -> choice(name, comment, node, at);
            case "Succeed" -> new SucceedState(name, comment, paths(node, at, false));
            case "Fail" -> fail(name, comment, node, at);
            default -> throw new AssertionError(type);
        };
        return Optional.of(state);
    }

    private FailState fail(String name, String comment, JsonNode node, String at) {
        String error = optionalText(node, "Error", at + ".Error");
        String cause = optionalText(node, "Cause", at + ".Cause");
        ReferencePath errorPath = failPath(node, "ErrorPath", at, error);
        ReferencePath causePath = failPath(node, "CausePath", at, cause);
        return new FailState(name, comment, error, cause, errorPath, causePath);
    }

    private ReferencePath failPath(JsonNode node, String field, String at, String fixed) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        String fixedField = field.substring(0, field.length() - "Path".length());
        if (fixed != null) {
            problem(at + "." + field, "cannot be set together with " + fixedField);
        }
        if (!value.isTextual()) {
            problem(at + "." + field, "must be a path string");
            return null;
        }
        return path(value.textValue(), at + "." + field);
    }

    private TaskState task(String name, String comment, JsonNode node, String at) {
        JsonNode resource = node.get("Resource");
        if (resource == null) {
            problem(at + ".Resource", "is missing; use " + TaskState.RESOURCE);
        } else if (!resource.isTextual() || !resource.textValue().equals(TaskState.RESOURCE)) {
            problem(at + ".Resource", "must be " + TaskState.RESOURCE + " (the only supported integration), got "
                    + resource);
        }
        String functionName = null;
        PayloadTemplate payload = null;
        JsonNode parameters = node.get("Parameters");
        if (parameters == null || !parameters.isObject()) {
            problem(at + ".Parameters", "must be an object with FunctionName and Payload");
        } else {
            unsupportedFields(parameters, at + ".Parameters.", PARAMETERS_FIELDS, "in a Task's Parameters");
            JsonNode function = parameters.get("FunctionName");
            if (parameters.has("FunctionName.$")) {
                problem(at + ".Parameters.FunctionName.$", "FunctionName must be a plain string (the platform"
                        + " function's name), not a path: the engine must know every function a definition calls");
            } else if (function == null || !function.isTextual() || function.textValue().isBlank()) {
                problem(at + ".Parameters.FunctionName", "must be the platform function's name as a plain string");
            } else {
                functionName = function.textValue();
            }
            JsonNode payloadNode = parameters.get("Payload");
            if (payloadNode == null || !payloadNode.isObject()) {
                problem(at + ".Parameters.Payload", "must be an object");
            } else {
                payload = PayloadTemplate.compile(payloadNode, at + ".Parameters.Payload", problems::add);
                if (!payload.passesTaskToken()) {
                    problem(at + ".Parameters.Payload", "must pass the task token (\"taskToken.$\": \""
                            + PayloadTemplate.TASK_TOKEN + "\"), as .waitForTaskToken requires");
                }
            }
        }
        Integer timeoutSeconds = positiveInt(node, "TimeoutSeconds", at + ".TimeoutSeconds");
        List<Retrier> retriers = retriers(node.get("Retry"), at + ".Retry");
        List<Catcher> catchers = catchers(node.get("Catch"), at + ".Catch");
        String next = nextOrEnd(node, at, "Task", name);
        return new TaskState(name, comment, functionName, payload, timeoutSeconds, retriers, catchers,
                paths(node, at, true), next);
    }

    private PassState pass(String name, String comment, JsonNode node, String at) {
        return new PassState(name, comment, node.get("Result"), paths(node, at, true), nextOrEnd(node, at, "Pass", name));
    }

    private ChoiceState choice(String name, String comment, JsonNode node, String at) {
        List<ChoiceState.Branch> branches = new ArrayList<>();
        JsonNode choices = node.get("Choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            problem(at + ".Choices", "must be a non-empty array of rules");
        } else {
            for (int i = 0; i < choices.size(); i++) {
                String ruleAt = at + ".Choices[" + i + "]";
                JsonNode ruleNode = choices.get(i);
                ChoiceRule rule = rule(ruleNode, ruleAt, true);
                String next = reference(ruleNode, "Next", ruleAt + ".Next");
                if (ruleNode.isObject() && next == null && !ruleNode.has("Next")) {
                    problem(ruleAt + ".Next", "is missing; every top-level choice rule needs Next");
                }
                if (rule != null && next != null) {
                    branches.add(new ChoiceState.Branch(rule, next));
                }
            }
        }
        String defaultState = reference(node, "Default", at + ".Default");
        return new ChoiceState(name, comment, branches, defaultState, paths(node, at, false));
    }

    /** A choice rule, or null after reporting what is wrong with it. */
    private ChoiceRule rule(JsonNode node, String at, boolean topLevel) {
        if (!node.isObject()) {
            problem(at, "must be an object");
            return null;
        }
        List<String> allowed = new ArrayList<>(List.of("Variable", "And", "Or", "Not"));
        allowed.addAll(OPERATORS);
        if (topLevel) {
            allowed.add("Next");
        }
        if (unsupportedFields(node, at + ".", allowed, topLevel ? "in a choice rule" : "in a nested choice rule") > 0) {
            return null;
        }
        List<String> operators = new ArrayList<>();
        node.fieldNames().forEachRemaining(field -> {
            if (OPERATORS.contains(field) || field.equals("And") || field.equals("Or") || field.equals("Not")) {
                operators.add(field);
            }
        });
        if (operators.size() != 1) {
            problem(at, operators.isEmpty()
                    ? "needs one comparison (" + String.join(", ", OPERATORS) + ") or And, Or, Not"
                    : "has " + operators.size() + " comparisons " + operators + "; use And/Or to combine them");
            return null;
        }
        String operator = operators.getFirst();
        return switch (operator) {
            case "And", "Or" -> {
                if (node.has("Variable")) {
                    problem(at + ".Variable", "is not allowed next to " + operator);
                }
                JsonNode rulesNode = node.get(operator);
                if (!rulesNode.isArray() || rulesNode.isEmpty()) {
                    problem(at + "." + operator, "must be a non-empty array of rules");
                    yield null;
                }
                List<ChoiceRule> rules = new ArrayList<>();
                for (int i = 0; i < rulesNode.size(); i++) {
                    rules.add(rule(rulesNode.get(i), at + "." + operator + "[" + i + "]", false));
                }
                if (rules.contains(null)) {
                    yield null;
                }
                yield operator.equals("And") ? new ChoiceRule.And(rules) : new ChoiceRule.Or(rules);
            }
            case "Not" -> {
                if (node.has("Variable")) {
                    problem(at + ".Variable", "is not allowed next to Not");
                }
                ChoiceRule inner = rule(node.get("Not"), at + ".Not", false);
                yield inner == null ? null : new ChoiceRule.Not(inner);
            }
            default -> comparison(node, at, ChoiceRule.Operator.valueOf(operator));
        };
    }

    private ChoiceRule comparison(JsonNode node, String at, ChoiceRule.Operator operator) {
        ReferencePath variable = null;
        JsonNode variableNode = node.get("Variable");
        if (variableNode == null || !variableNode.isTextual()) {
            problem(at + ".Variable", "is missing; a comparison needs the path of the value it compares");
        } else {
            variable = path(variableNode.textValue(), at + ".Variable");
        }
        JsonNode value = node.get(operator.name());
        boolean fits = switch (operator) {
            case StringEquals -> value.isTextual();
            case NumericEquals, NumericGreaterThan, NumericLessThan -> value.isNumber();
            case BooleanEquals, IsPresent -> value.isBoolean();
        };
        if (!fits) {
            String wanted = switch (operator) {
                case StringEquals -> "a string";
                case NumericEquals, NumericGreaterThan, NumericLessThan -> "a number";
                case BooleanEquals, IsPresent -> "true or false";
            };
            problem(at + "." + operator.name(), "must be " + wanted + ", got " + value);
            return null;
        }
        return variable == null ? null : new ChoiceRule.Comparison(variable, operator, value.deepCopy());
    }

    // ---- Retry and Catch

    private List<Retrier> retriers(JsonNode node, String at) {
        List<Retrier> retriers = new ArrayList<>();
        if (node == null) {
            return retriers;
        }
        if (!node.isArray()) {
            problem(at, "must be an array of retriers");
            return retriers;
        }
        for (int i = 0; i < node.size(); i++) {
            String retrierAt = at + "[" + i + "]";
            JsonNode retrier = node.get(i);
            if (!retrier.isObject()) {
                problem(retrierAt, "must be an object");
                continue;
            }
            unsupportedFields(retrier, retrierAt + ".", RETRIER_FIELDS, "in a retrier");
            List<String> errors = errorEquals(retrier, retrierAt, i == node.size() - 1, "retrier");
            int interval = intAtLeast(retrier, "IntervalSeconds", retrierAt, 1, Retrier.DEFAULT_INTERVAL_SECONDS);
            int maxAttempts = intAtLeast(retrier, "MaxAttempts", retrierAt, 0, Retrier.DEFAULT_MAX_ATTEMPTS);
            Integer maxDelay = retrier.has("MaxDelaySeconds")
                    ? intAtLeast(retrier, "MaxDelaySeconds", retrierAt, 1, 1) : null;
            double backoffRate = Retrier.DEFAULT_BACKOFF_RATE;
            JsonNode rate = retrier.get("BackoffRate");
            if (rate != null) {
                if (!rate.isNumber() || rate.doubleValue() < 1.0) {
                    problem(retrierAt + ".BackoffRate", "must be a number >= 1.0, got " + rate);
                } else {
                    backoffRate = rate.doubleValue();
                }
            }
            retriers.add(new Retrier(errors, interval, maxAttempts, backoffRate, maxDelay));
        }
        return retriers;
    }

    private List<Catcher> catchers(JsonNode node, String at) {
        List<Catcher> catchers = new ArrayList<>();
        if (node == null) {
            return catchers;
        }
        if (!node.isArray()) {
            problem(at, "must be an array of catchers");
            return catchers;
        }
        for (int i = 0; i < node.size(); i++) {
            String catcherAt = at + "[" + i + "]";
            JsonNode catcher = node.get(i);
            if (!catcher.isObject()) {
                problem(catcherAt, "must be an object");
                continue;
            }
            unsupportedFields(catcher, catcherAt + ".", CATCHER_FIELDS, "in a catcher");
            List<String> errors = errorEquals(catcher, catcherAt, i == node.size() - 1, "catcher");
            String next = reference(catcher, "Next", catcherAt + ".Next");
            if (next == null && !catcher.has("Next")) {
                problem(catcherAt + ".Next", "is missing; a catcher needs the state to go to");
            }
            Optional<ReferencePath> resultPath = nullablePath(catcher, "ResultPath", catcherAt + ".ResultPath", true);
            catchers.add(new Catcher(errors, next, resultPath));
        }
        return catchers;
    }

    private List<String> errorEquals(JsonNode node, String at, boolean last, String what) {
        JsonNode errors = node.get("ErrorEquals");
        List<String> names = new ArrayList<>();
        if (errors == null || !errors.isArray() || errors.isEmpty()) {
            problem(at + ".ErrorEquals", "must be a non-empty array of error names");
            return names;
        }
        for (int i = 0; i < errors.size(); i++) {
            JsonNode error = errors.get(i);
            if (!error.isTextual() || error.textValue().isBlank()) {
                problem(at + ".ErrorEquals[" + i + "]", "must be an error name, got " + error);
            } else {
                names.add(error.textValue());
            }
        }
        if (names.contains(ErrorNames.ALL)) {
            if (errors.size() > 1) {
                problem(at + ".ErrorEquals", ErrorNames.ALL + " must appear alone");
            }
            if (!last) {
                problem(at + ".ErrorEquals", "a " + what + " with " + ErrorNames.ALL + " must be the last one");
            }
        }
        return names;
    }

    // ---- fields

    private DataPaths paths(JsonNode node, String at, boolean withResultPath) {
        return new DataPaths(
                nullablePath(node, "InputPath", at + ".InputPath", false),
                withResultPath ? nullablePath(node, "ResultPath", at + ".ResultPath", true) : Optional.of(ReferencePath.root()),
                nullablePath(node, "OutputPath", at + ".OutputPath", false));
    }

    /** A path field: absent is {@code $}, JSON null is empty. */
    private Optional<ReferencePath> nullablePath(JsonNode node, String field, String at, boolean isResultPath) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.of(ReferencePath.root());
        }
        if (value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            problem(at, "must be a path string or null");
            return Optional.of(ReferencePath.root());
        }
        ReferencePath path = path(value.textValue(), at);
        if (path == null) {
            return Optional.of(ReferencePath.root());
        }
        if (isResultPath && path.hasIndexes()) {
            problem(at, "must name object fields only, got '" + path + "'");
        }
        return Optional.of(path);
    }

    private ReferencePath path(String text, String at) {
        try {
            return ReferencePath.parse(text);
        } catch (IllegalArgumentException e) {
            problem(at, e.getMessage());
            return null;
        }
    }

    private String nextOrEnd(JsonNode node, String at, String type, String name) {
        JsonNode end = node.get("End");
        boolean ends = false;
        if (end != null) {
            if (!end.isBoolean()) {
                problem(at + ".End", "must be true or false");
            }
            ends = end.asBoolean(false);
        }
        String next = reference(node, "Next", at + ".Next");
        if (ends && node.has("Next")) {
            problem(at, type + " '" + name + "' has both Next and End");
        } else if (!ends && !node.has("Next")) {
            problem(at, type + " '" + name + "' needs Next or End");
        }
        return ends ? null : next;
    }

    /** A field naming a state; remembered so it can be checked once all states are known. */
    private String reference(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problem(at, "must be a state name");
            return null;
        }
        references.add(Map.entry(at, value.textValue()));
        return value.textValue();
    }

    private String optionalText(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problem(at, "must be a string");
            return null;
        }
        return value.textValue();
    }

    private Integer positiveInt(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            problem(at, "must be a positive integer, got " + value);
            return null;
        }
        return value.intValue();
    }

    private int intAtLeast(JsonNode node, String field, String at, int minimum, int fallback) {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < minimum) {
            problem(at + "." + field, "must be an integer >= " + minimum + ", got " + value);
            return fallback;
        }
        return value.intValue();
    }

    /** Reports every field not in {@code allowed}; returns how many there were. */
    private int unsupportedFields(JsonNode node, String prefix, List<String> allowed, String where) {
        int before = problems.size();
        node.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                problem(prefix + field, "field '" + field + "' is not supported " + where
                        + " (supported: " + String.join(", ", allowed.stream().filter(f -> !f.endsWith(".$")).toList()) + ")");
            }
        });
        return problems.size() - before;
    }

    private void problem(String location, String message) {
        problems.add(new DefinitionProblem(location.isEmpty() ? "(document)" : location, message));
    }

    private static String statePath(String name) {
        return "States." + name;
    }
}
