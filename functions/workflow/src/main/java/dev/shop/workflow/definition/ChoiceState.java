package dev.shop.workflow.definition;

import java.util.ArrayList;
import java.util.List;

/**
 * Goes to the Next of the first rule that matches its effective input, else to {@code defaultState}.
 * Only InputPath and OutputPath of {@link #paths} apply.
 *
 * @param defaultState null if the definition has no Default (no match is then a States.NoChoiceMatched error)
 */
public record ChoiceState(String name, String comment, List<Branch> branches, String defaultState, DataPaths paths)
        implements State {

    /** One element of {@code Choices}: a rule and where it leads. */
    public record Branch(ChoiceRule rule, String next) {
    }

    public ChoiceState {
        branches = List.copyOf(branches);
    }

    @Override
    public List<String> successors() {
        List<String> successors = new ArrayList<>();
        branches.forEach(branch -> successors.add(branch.next()));
        if (defaultState != null) {
            successors.add(defaultState);
        }
        return successors;
    }

    @Override
    public boolean terminal() {
        return false;
    }
}
