package dev.ferry.engine.rule.identity;

import static dev.ferry.engine.rule.identity.AzureIdentityKeys.TOKEN_EXPIRATION;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.patch.Pointer;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;

/**
 * Translates the pod annotation {@code azure.workload.identity/service-account-token-expiration} to the pod
 * annotation {@code eks.amazonaws.com/token-expiration}, which the EKS webhook also reads on pods and prefers to the
 * ServiceAccount's (EDGES.md §1.5), clamped to 600–86400 s; in Pod Identity mode it is dropped with a note.
 */
public final class PodTokenExpirationRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("workload-id-pod-token-expiration",
            "Workload ID token lifetime on pods",
            "Translates the Workload ID token lifetime pod annotation to the EKS token-expiration pod annotation.",
            Edge.IDENTITY, Direction.AKS_TO_EKS, IdentitySettings.MODE);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        String meta = PodTemplates.metadataPointer(object).orElse(null);
        if (meta == null || !object.at(Pointer.child(meta, "annotations", TOKEN_EXPIRATION)).isValueNode()) {
            return;
        }
        String value = object.at(Pointer.child(meta, "annotations", TOKEN_EXPIRATION)).asText("");
        TokenExpirationTranslation.translate(meta, value, IdentitySettings.of(context.settings()).mode(),
                "the pods of " + object.kind() + " `" + object.name() + "`", output.change(object));
    }
}
