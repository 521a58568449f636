package dev.ferry.engine.rule.identity;

import static dev.ferry.engine.rule.identity.AzureIdentityKeys.USE_LABEL;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;

/**
 * Removes the pod label {@code azure.workload.identity/use} from every workload's pod template (EDGES.md §1.2): the
 * EKS webhook keys off the ServiceAccount, not a pod label. The workload also gets a warning that its application
 * code, written for the Azure credential chain, must use the AWS SDK default chain.
 */
public final class WorkloadIdentityPodLabelRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("workload-id-pod-use-label",
            "Remove the Workload ID pod label",
            "Removes the azure.workload.identity/use pod label, which nothing reads on EKS, and flags the "
                    + "application's Azure credential code.",
            Edge.IDENTITY, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!PodTemplates.hasPodSpec(object)) {
            return;
        }
        PodLabelRemoval.Plan plan = PodLabelRemoval.plan(object, USE_LABEL, context.estate());
        if (plan.removals().isEmpty() && plan.keptBecause().isEmpty()) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object);
        plan.removals().forEach(change::remove);
        change.summary("Remove the Workload ID pod label from " + object.kind() + " " + object.name())
                .rationale("EDGES.md §1.2/§1.9: `" + USE_LABEL + "` only tells the Azure Workload ID webhook to "
                        + "mutate the pod; the EKS webhook keys off the ServiceAccount's role instead.");
        plan.keptBecause().ifPresent(why -> change.finding(Finding.info("`" + USE_LABEL + "` was kept because "
                + why + "; it is harmless on EKS.")));
        change.finding(Finding.warning(object.kind() + " `" + object.name() + "` used Entra Workload ID: its "
                + "application code (DefaultAzureCredential / WorkloadIdentityCredential) must switch to the AWS SDK "
                + "default credential chain, which reads what the EKS webhook injects (EDGES.md §1.9)."));
    }
}
