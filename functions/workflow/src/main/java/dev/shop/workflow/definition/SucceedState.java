package dev.shop.workflow.definition;

import java.util.List;

/** Ends the execution successfully; its output (InputPath, then OutputPath) is the execution's output. */
public record SucceedState(String name, String comment, DataPaths paths) implements State {

    @Override
    public List<String> successors() {
        return List.of();
    }

    @Override
    public boolean terminal() {
        return true;
    }
}
