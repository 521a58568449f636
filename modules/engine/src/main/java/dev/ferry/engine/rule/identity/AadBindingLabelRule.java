package dev.ferry.engine.rule.identity;

import static dev.ferry.engine.rule.identity.AzureIdentityKeys.AAD_BINDING_LABEL;

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
 * Moves a workload whose pod template carries {@code aadpodidbinding: <selector>} onto the ServiceAccount generated
 * for that selector by {@link AadBindingServiceAccountRule}: sets {@code serviceAccountName} and removes the label
 * (EDGES.md §1.4). A workload that already named another ServiceAccount is moved too, with a warning, because the
 * role is what its code needs; its Kubernetes RBAC must then follow.
 */
public final class AadBindingLabelRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("aad-pod-identity-label-to-service-account",
            "aad-pod-identity pod label to ServiceAccount",
            "Replaces the aadpodidbinding pod label with the ServiceAccount that carries the workload's IAM role.",
            Edge.IDENTITY, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        Optional<String> selector = AadBindings.bindingLabel(object);
        String spec = PodTemplates.specPointer(object).orElse(null);
        if (selector.isEmpty() || spec == null) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object);
        PodLabelRemoval.Plan plan = PodLabelRemoval.plan(object, AAD_BINDING_LABEL, context.estate());
        plan.removals().forEach(change::remove);
        plan.keptBecause().ifPresent(why -> change.finding(Finding.info("`" + AAD_BINDING_LABEL + "` was kept "
                + "because " + why + "; it is harmless on EKS.")));
        String what = object.kind() + " `" + object.name() + "`";
        Optional<AadBindings.DerivedAccount> account = AadBindings.of(context)
                .forWorkload(object.namespace(), selector.get());
        if (account.isEmpty()) {
            change.summary("Remove aad-pod-identity label from " + object.kind() + " " + object.name())
                    .rationale("EDGES.md §1.4: `" + AAD_BINDING_LABEL + "` only selected an AzureIdentityBinding; "
                            + "nothing reads it on EKS.")
                    .finding(Finding.actionRequired(what + " used aad-pod-identity selector `" + selector.get()
                            + "`, but no AzureIdentityBinding with that selector is in the input: give it a "
                            + "ServiceAccount with an IAM role by hand."));
            return;
        }
        String name = account.get().name();
        String current = object.at(Pointer.child(spec, "serviceAccountName")).asText(
                object.at(Pointer.child(spec, "serviceAccount")).asText(""));
        if (!current.equals(name)) {
            change.add(Pointer.child(spec, "serviceAccountName"), name);
        }
        if (object.at(Pointer.child(spec, "serviceAccount")).isValueNode()) {
            change.remove(Pointer.child(spec, "serviceAccount"));
        }
        if (!current.isEmpty() && !current.equals("default") && !current.equals(name)) {
            change.finding(Finding.warning(what + " ran as ServiceAccount `" + current + "`; it now runs as `" + name
                    + "`, which carries its IAM role. Bind the Roles of `" + current + "` to `" + name + "` too, or "
                    + "move the role annotation to `" + current + "` and revert this change."));
        }
        change.summary("Run " + object.kind() + " " + object.name() + " as ServiceAccount " + name)
                .rationale("EDGES.md §1.4/§1.9: `" + AAD_BINDING_LABEL + ": " + selector.get() + "` bound the pods "
                        + "to an Azure identity; on EKS the IAM role is bound to ServiceAccount `" + name + "`, so "
                        + "the pods run as it and the label goes.");
        change.finding(Finding.warning(what + " used aad-pod-identity: its application code must switch to the AWS "
                + "SDK default credential chain (EDGES.md §1.9)."));
    }
}
