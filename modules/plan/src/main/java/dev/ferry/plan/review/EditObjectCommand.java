package dev.ferry.plan.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Change;
import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Edge;
import dev.ferry.engine.patch.JsonDiff;
import dev.ferry.engine.patch.PatchOp;
import dev.ferry.engine.run.ChangeIds;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import java.time.Instant;
import java.util.List;

/**
 * Records a hand edit of a proposed object as the object's {@code manual} change: a JSON Patch against the engine's
 * output, reviewed like any other change. Editing an object back to the engine's output removes the change.
 */
public final class EditObjectCommand extends ReviewCommand {

    /** The rule name every hand edit carries. */
    public static final String RULE = "manual-edit";

    private final ResourceKey key;
    private final ObjectNode newBody;
    private Change previous;
    private boolean executed;

    public EditObjectCommand(ResourceKey key, ObjectNode newBody, String by) {
        super(by);
        this.key = key;
        this.newBody = newBody.deepCopy();
    }

    /** The id every hand edit of this object has, so its review follows it across re-runs of the engine. */
    public static String changeId(ResourceKey key) {
        return ChangeIds.of(Edge.MANUAL, RULE, key);
    }

    @Override
    public String action() {
        return "edit";
    }

    @Override
    public String description() {
        return "edit " + key.kind() + " " + (key.clusterScoped() ? "" : key.namespace() + "/") + key.name();
    }

    @Override
    void execute(ReviewState state, Instant now) throws ReviewException {
        KubeObject engineObject = state.engineOutput(key).orElseThrow(() -> new ReviewException(
                key + " is not a proposed object, so there is nothing to edit."));
        checkIdentity();
        checkNoSecretValues();
        List<PatchOp> patch = JsonDiff.between(engineObject.body(), newBody);
        Change edit = patch.isEmpty() ? null : new Change(changeId(key), Edge.MANUAL, RULE, key, ChangeType.PATCH,
                "Edited by hand by " + by(), "A reviewer changed the proposed object by hand on " + now + ".",
                patch, null, List.of());
        previous = state.putManual(key, edit);
        executed = true;
    }

    @Override
    void undo(ReviewState state) {
        if (executed) {
            state.putManual(key, previous);
        }
    }

    private void checkIdentity() throws ReviewException {
        KubeObject edited;
        try {
            edited = KubeObject.of(newBody);
        } catch (RuntimeException e) {
            throw new ReviewException("The edited object is not a Kubernetes object: " + e.getMessage());
        }
        if (!edited.key().equals(key)) {
            throw new ReviewException("The edit changes the object's identity from " + key + " to " + edited.key()
                    + "; keep apiVersion group, kind, namespace and name as they are.");
        }
    }

    private void checkNoSecretValues() throws ReviewException {
        if (key.kind().equals("Secret") && key.group().isEmpty()
                && (newBody.has("data") || newBody.has("stringData"))) {
            throw new ReviewException("Secret " + key.namespace() + "/" + key.name() + " cannot carry values in the "
                    + "bundle: secret values never leave the source cluster. Remove data/stringData and supply the "
                    + "values at apply time.");
        }
    }
}
