package dev.ferry.engine.rule.identity;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.patch.Pointer;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;

/**
 * Translates {@code eks.amazonaws.com/token-expiration} (600–86400 s, on a ServiceAccount or a pod template) to
 * {@code azure.workload.identity/service-account-token-expiration} (3600–86400 s) at the same place, clamping
 * values Azure does not accept (EDGES.md §1.1, §1.5, §10.1).
 */
public final class EksTokenExpirationRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("eks-token-expiration-to-workload-id",
            "EKS token lifetime to Workload ID",
            "Translates the EKS projected-token lifetime annotation to the Workload ID one, clamped to 3600–86400 seconds.",
            Edge.IDENTITY, Direction.EKS_TO_AKS);

    static final long AZURE_MIN = 3600;
    static final long AZURE_MAX = 86_400;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        String meta;
        if (object.isKind("", "ServiceAccount")) {
            meta = "/metadata";
        } else {
            meta = PodTemplates.metadataPointer(object).orElse(null);
        }
        if (meta == null) {
            return;
        }
        String source = Pointer.child(meta, "annotations", AzureIdentityKeys.EKS_TOKEN_EXPIRATION);
        if (!object.at(source).isValueNode()) {
            return;
        }
        String value = object.at(source).asText("");
        String what = object.kind() + " `" + object.name() + "`";
        RuleOutput.ChangeBuilder change = output.change(object).remove(source);
        long seconds = AzureIdentityKeys.seconds(value);
        if (seconds < 0) {
            change.summary("Drop the unreadable EKS token lifetime of " + what)
                    .rationale("EDGES.md §1.5: the value must be whole seconds; `" + value + "` is not.")
                    .finding(Finding.warning("`" + AzureIdentityKeys.EKS_TOKEN_EXPIRATION + ": " + value + "` on "
                            + what + " is not a number of seconds; Workload ID will use its default of 3600 s."));
            return;
        }
        long clamped = Math.max(AZURE_MIN, Math.min(AZURE_MAX, seconds));
        change.add(Pointer.child(meta, "annotations", AzureIdentityKeys.TOKEN_EXPIRATION), Long.toString(clamped))
                .summary("Token lifetime " + clamped + " s for " + what)
                .rationale("EDGES.md §10.1: `" + AzureIdentityKeys.EKS_TOKEN_EXPIRATION + "` (EKS: 600–86400 s, "
                        + "default 86400) becomes `" + AzureIdentityKeys.TOKEN_EXPIRATION + "` (Azure: 3600–86400 s, "
                        + "default 3600); the pod's value wins over the ServiceAccount's on both.");
        if (clamped != seconds) {
            change.finding(Finding.warning("Token lifetime " + seconds + " s on " + what + " is outside what Workload "
                    + "ID accepts (3600–86400 s); " + clamped + " s was used."));
        }
    }
}
