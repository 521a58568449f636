package dev.ferry.engine.rule.secrets;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.Optional;

/**
 * Drops a Secret that a controller writes from an external store on the target: a SecretProviderClass's
 * {@code secretObjects} (Secrets Store CSI driver) or an ExternalSecret that creates its target. Carried without its
 * values, it would only stand in the controller's way.
 */
public final class SyncedSecretDropRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("synced-secret-drop", "Synced Secret left to its controller",
            "Drops a Secret that the Secrets Store CSI driver or the External Secrets Operator writes from an external store, because the controller recreates it on the target.",
            Edge.SECRETS, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!SecretUses.isSecret(object) || SecretUses.isPullSecret(object)) {
            return;
        }
        Optional<String> writer = SecretUses.writer(context.estate(), object);
        writer.ifPresent(w -> output.drop(object, "Synced Secret not carried; " + w + " writes it",
                "EDGES.md §6.1: the Secrets Store CSI driver creates a synced Secret while a pod mounts the class "
                        + "and leaves a Secret that already exists as it is (driver `createK8sSecret`); External "
                        + "Secrets creates the targets it owns. The sanitized copy has no values, so carrying it "
                        + "would shadow the real one. Written by " + w + "."));
    }
}
