package dev.shop.workflow.definition;

import java.util.List;

/** One state of a {@link StateMachine}. */
public sealed interface State permits TaskState, PassState, ChoiceState, SucceedState, FailState {

    String name();

    /** The definition's Comment, or null. */
    String comment();

    /** The states this one can go to (Next, Default, Choices' and Catch's Next), for reachability checks. */
    List<String> successors();

    /** True for states that can end the execution: Succeed, Fail, and {@code "End": true}. */
    boolean terminal();
}
