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
import java.util.Optional;

/**
 * Adds the pod label {@code azure.workload.identity/use: "true"} to the pod template of every workload whose
 * ServiceAccount held an AWS role (IRSA or EKS Pod Identity): the Workload ID webhook only mutates labelled pods,
 * while the EKS webhook keyed off the ServiceAccount alone (EDGES.md §1.2, §1.9).
 */
public final class WorkloadIdentityUseLabelRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("workload-id-use-label-for-aws-roles", "Workload ID pod label",
            "Adds the azure.workload.identity/use pod label to workloads whose ServiceAccount held an AWS role, and flags their AWS credential code.",
            Edge.IDENTITY, Direction.EKS_TO_AKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        Optional<String> meta = PodTemplates.metadataPointer(object);
        if (meta.isEmpty()) {
            return;
        }
        String serviceAccount = AwsIdentities.serviceAccountOf(object);
        Optional<AwsIdentities.Target> target = AwsIdentities.find(context, object.namespace(), serviceAccount);
        String label = Pointer.child(meta.get(), "labels", AzureIdentityKeys.USE_LABEL);
        if (target.isEmpty() || "true".equals(object.at(label).asText(""))) {
            return;
        }
        output.change(object).add(label, "true")
                .summary("Workload ID pod label for " + object.kind() + " " + object.name())
                .rationale("EDGES.md §1.2/§1.9: only pods labelled `" + AzureIdentityKeys.USE_LABEL + ": \"true\"` "
                        + "get the Workload ID token and environment; ServiceAccount `" + serviceAccount + "` held "
                        + "an AWS role through " + target.get().via() + ".")
                .finding(Finding.warning(object.kind() + " `" + object.name() + "` used an AWS role: its "
                        + "application must authenticate with the Azure SDK (DefaultAzureCredential / "
                        + "WorkloadIdentityCredential, which read AZURE_CLIENT_ID and AZURE_FEDERATED_TOKEN_FILE) and "
                        + "call the Azure counterparts of the AWS services it used (EDGES.md §10.2)."));
    }
}
