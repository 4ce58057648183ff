package dev.finnews.testing;

import org.crac.CheckpointException;
import org.crac.Context;
import org.crac.Resource;
import org.crac.RestoreException;

import java.util.ArrayList;
import java.util.List;

/**
 * A CRaC context as the Lambda runtime keeps one for SnapStart: it records registrations, and
 * {@link #beforeCheckpoint} runs the hooks in reverse registration order, as before a snapshot.
 */
public final class RecordingCracContext extends Context<Resource> {
    private final List<Resource> resources = new ArrayList<>();

    public List<Resource> resources() {
        return resources;
    }

    @Override
    public void register(Resource resource) {
        resources.add(resource);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws CheckpointException {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).beforeCheckpoint(this);
            } catch (Exception e) {
                CheckpointException failure = new CheckpointException();
                failure.addSuppressed(e);
                throw failure;
            }
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) throws RestoreException {
        for (Resource resource : resources) {
            try {
                resource.afterRestore(this);
            } catch (Exception e) {
                RestoreException failure = new RestoreException();
                failure.addSuppressed(e);
                throw failure;
            }
        }
    }
}
