package dev.shop.runtime.crac;

import java.util.ArrayList;
import java.util.List;

import org.crac.Core;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** This JDK has no CRaC: the test plays the checkpoint and the restore by calling the resource directly. */
class CracResourcesTest {

    final List<String> calls = new ArrayList<>();

    @Test
    void listsResourcesInRegistrationOrder() {
        CracResources resources = new CracResources();
        resources.add(recording("database-pool"));
        resources.add(recording("outbox-relay"));
        resources.add(recording("metering"));

        assertThat(resources.names()).containsExactly("database-pool", "outbox-relay", "metering");
    }

    @Test
    void suspendsInReverseOrderBeforeCheckpointAndResumesInOrderAfterRestore() throws Exception {
        CracResources resources = new CracResources();
        resources.add(recording("database-pool"));
        resources.add(recording("outbox-relay"));
        resources.add(recording("metering"));

        resources.beforeCheckpoint(Core.getGlobalContext());

        assertThat(calls).containsExactly("suspend metering", "suspend outbox-relay", "suspend database-pool");
        calls.clear();

        resources.afterRestore(Core.getGlobalContext());

        assertThat(calls).containsExactly("resume database-pool", "resume outbox-relay", "resume metering");
    }

    @Test
    void failsTheCheckpointWhenAResourceCannotSuspend() {
        CracResources resources = new CracResources();
        resources.add(recording("database-pool"));
        resources.add(new CracResources.CheckpointAware() {
            public String name() {
                return "stuck";
            }

            public void suspend() {
                throw new IllegalStateException("connection still in use");
            }

            public void resume() {
                calls.add("resume stuck");
            }
        });

        assertThatThrownBy(() -> resources.beforeCheckpoint(Core.getGlobalContext()))
                .hasMessageContaining("connection still in use");
        assertThat(calls).as("nothing after the failed resource is suspended").isEmpty();
    }

    @Test
    void acceptsResourcesAddedAfterConstruction() throws Exception {
        CracResources resources = new CracResources();
        resources.beforeCheckpoint(Core.getGlobalContext());
        resources.add(recording("late"));

        resources.afterRestore(Core.getGlobalContext());

        assertThat(calls).containsExactly("resume late");
    }

    @Test
    void primesBeforeAnyResourceSuspendsAndCarriesOnWhenPrimingFails() throws Exception {
        CracResources resources = new CracResources();
        resources.add(recording("database-pool"));
        resources.prime("read routes", () -> calls.add("prime read routes"));
        resources.prime("broken", () -> {
            throw new IllegalStateException("catalog unreachable");
        });

        resources.beforeCheckpoint(Core.getGlobalContext());

        assertThat(calls).containsExactly("prime read routes", "suspend database-pool");
        assertThat(resources.primed()).containsExactly("read routes");
    }

    private CracResources.CheckpointAware recording(String name) {
        return new CracResources.CheckpointAware() {
            public String name() {
                return name;
            }

            public void suspend() {
                calls.add("suspend " + name);
            }

            public void resume() {
                calls.add("resume " + name);
            }
        };
    }
}
