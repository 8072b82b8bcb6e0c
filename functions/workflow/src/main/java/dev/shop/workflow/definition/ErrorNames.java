package dev.shop.workflow.definition;

import java.util.List;

/** Step Functions' predefined error names, and how {@code ErrorEquals} matches an error. */
public final class ErrorNames {

    /** Matches every error. Must be alone in its ErrorEquals and in the last retrier or catcher. */
    public static final String ALL = "States.ALL";
    /** Matches any task error except {@link #TIMEOUT}. */
    public static final String TASK_FAILED = "States.TaskFailed";
    /** A task did not answer within its TimeoutSeconds, or the execution ran past its own. */
    public static final String TIMEOUT = "States.Timeout";
    /** A path named data that is not there; fails the execution (not retried or caught, as in Step Functions). */
    public static final String RUNTIME = "States.Runtime";
    /** A ResultPath could not be written into the state input. */
    public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
    /** A Choice state without Default matched no rule. */
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";

    private ErrorNames() {
    }

    /** Whether a retrier's or catcher's {@code ErrorEquals} covers {@code error}. */
    public static boolean matches(List<String> errorEquals, String error) {
        for (String name : errorEquals) {
            if (name.equals(ALL) || name.equals(error) || (name.equals(TASK_FAILED) && !TIMEOUT.equals(error))) {
                return true;
            }
        }
        return false;
    }
}
