package dev.shop.runtime.crac;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the module's pools and connections with CRaC so a SnapStart/CRaC snapshot never captures an
 * open socket: each resource closes before the checkpoint and reopens after the restore. On a JVM without
 * CRaC, registration is a no-op; tests call {@link #beforeCheckpoint} and {@link #afterRestore} directly.
 */
public final class CracResources implements Resource {

    private static final Logger log = LoggerFactory.getLogger(CracResources.class);

    private final List<CheckpointAware> resources = new CopyOnWriteArrayList<>();
    private final Map<String, Runnable> primers = new ConcurrentSkipListMap<>();
    private final List<String> primed = new CopyOnWriteArrayList<>();

    /** Something that holds connections across invocations. */
    public interface CheckpointAware {
        String name();

        void suspend() throws Exception;

        void resume() throws Exception;
    }

    public CracResources() {
        Core.getGlobalContext().register(this);
    }

    public void add(CheckpointAware resource) {
        resources.add(resource);
    }

    /**
     * Work to run once before the checkpoint, while connections may still open: the hot path, so the snapshot
     * holds its classes loaded. It runs before any resource is suspended; a failure is logged, not fatal.
     */
    public void prime(String name, Runnable primer) {
        primers.put(name, primer);
    }

    /** The primers that ran to the end at the last checkpoint. */
    public List<String> primed() {
        return List.copyOf(primed);
    }

    public List<String> names() {
        return resources.stream().map(CheckpointAware::name).toList();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
        primed.clear();
        primers.forEach((name, primer) -> {
            log.info("checkpoint: priming {}", name);
            try {
                primer.run();
                primed.add(name);
            } catch (RuntimeException e) {
                log.warn("checkpoint: priming {} failed; the snapshot is taken without it", name, e);
            }
        });
        // Reverse order of registration: consumers of a pool close before the pool.
        for (CheckpointAware resource : resources.reversed()) {
            log.info("checkpoint: suspending {}", resource.name());
            resource.suspend();
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) throws Exception {
        for (CheckpointAware resource : resources) {
            log.info("restore: resuming {}", resource.name());
            resource.resume();
        }
    }
}
