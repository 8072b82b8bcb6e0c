package dev.shop.workflow.definition;

import java.util.ArrayList;
import java.util.List;

/**
 * A Task with {@code arn:aws:states:::lambda:invoke.waitForTaskToken}: builds {@code Payload} from its input,
 * sends it to the platform function {@code functionName} with a task token, and waits for the reply that
 * returns the token.
 *
 * @param timeoutSeconds null if the task may wait forever
 * @param next           null for {@code "End": true}
 */
public record TaskState(String name, String comment, String functionName, PayloadTemplate payload,
                        Integer timeoutSeconds, List<Retrier> retriers, List<Catcher> catchers, DataPaths paths,
                        String next) implements State {

    /** The only Resource supported: Lambda invoke with the callback pattern. */
    public static final String RESOURCE = "arn:aws:states:::lambda:invoke.waitForTaskToken";

    public TaskState {
        retriers = List.copyOf(retriers);
        catchers = List.copyOf(catchers);
    }

    @Override
    public List<String> successors() {
        List<String> successors = new ArrayList<>();
        if (next != null) {
            successors.add(next);
        }
        catchers.forEach(catcher -> successors.add(catcher.next()));
        return successors;
    }

    @Override
    public boolean terminal() {
        return next == null;
    }
}
