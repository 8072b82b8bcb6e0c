package dev.shop.workflow.definition;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** A Choice state's condition: a comparison of one Variable, or And / Or / Not of other rules. */
public sealed interface ChoiceRule {

    /** The rule's verdict on an input. */
    sealed interface Verdict {

        record Decided(boolean matches) implements Verdict {
        }

        /** A compared Variable is not in the input: a States.Runtime error, as in Step Functions. */
        record VariableMissing(ReferencePath variable) implements Verdict {
        }
    }

    Verdict evaluate(JsonNode input);

    /** The supported comparison operators, by their ASL field name. */
    enum Operator {
        StringEquals, NumericEquals, NumericGreaterThan, NumericLessThan, BooleanEquals, IsPresent
    }

    /** {@code Variable} compared with {@code value}, e.g. {@code "NumericGreaterThan": 100}. */
    record Comparison(ReferencePath variable, Operator operator, JsonNode value) implements ChoiceRule {

        @Override
        public Verdict evaluate(JsonNode input) {
            Optional<JsonNode> found = variable.read(input);
            if (operator == Operator.IsPresent) {
                return new Verdict.Decided(found.isPresent() == value.booleanValue());
            }
            if (found.isEmpty()) {
                return new Verdict.VariableMissing(variable);
            }
            JsonNode actual = found.get();
            // A value of the wrong type does not match (Step Functions does the same).
            boolean matches = switch (operator) {
                case StringEquals -> actual.isTextual() && actual.textValue().equals(value.textValue());
                case BooleanEquals -> actual.isBoolean() && actual.booleanValue() == value.booleanValue();
                case NumericEquals -> actual.isNumber() && actual.decimalValue().compareTo(value.decimalValue()) == 0;
                case NumericGreaterThan -> actual.isNumber() && actual.decimalValue().compareTo(value.decimalValue()) > 0;
                case NumericLessThan -> actual.isNumber() && actual.decimalValue().compareTo(value.decimalValue()) < 0;
                case IsPresent -> throw new AssertionError("handled above");
            };
            return new Verdict.Decided(matches);
        }
    }

    record And(List<ChoiceRule> rules) implements ChoiceRule {

        public And {
            rules = List.copyOf(rules);
        }

        @Override
        public Verdict evaluate(JsonNode input) {
            for (ChoiceRule rule : rules) {
                Verdict verdict = rule.evaluate(input);
                if (!(verdict instanceof Verdict.Decided decided) || !decided.matches()) {
                    return verdict;
                }
            }
            return new Verdict.Decided(true);
        }
    }

    record Or(List<ChoiceRule> rules) implements ChoiceRule {

        public Or {
            rules = List.copyOf(rules);
        }

        @Override
        public Verdict evaluate(JsonNode input) {
            for (ChoiceRule rule : rules) {
                Verdict verdict = rule.evaluate(input);
                if (!(verdict instanceof Verdict.Decided decided) || decided.matches()) {
                    return verdict;
                }
            }
            return new Verdict.Decided(false);
        }
    }

    record Not(ChoiceRule rule) implements ChoiceRule {

        @Override
        public Verdict evaluate(JsonNode input) {
            Verdict verdict = rule.evaluate(input);
            return verdict instanceof Verdict.Decided decided ? new Verdict.Decided(!decided.matches()) : verdict;
        }
    }
}
