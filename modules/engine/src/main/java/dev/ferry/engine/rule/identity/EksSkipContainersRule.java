package dev.ferry.engine.rule.identity;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.patch.Pointer;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Translates the pod annotation {@code eks.amazonaws.com/skip-containers} (comma-separated) to
 * {@code azure.workload.identity/skip-containers} (semicolon-separated), EDGES.md §1.2, §1.5, §10.1.
 */
public final class EksSkipContainersRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("eks-skip-containers-to-workload-id",
            "EKS skip-containers to Workload ID",
            "Translates the EKS webhook's skip-containers pod annotation to the Workload ID semicolon-separated form.",
            Edge.IDENTITY, Direction.EKS_TO_AKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        String meta = PodTemplates.metadataPointer(object).orElse(null);
        if (meta == null) {
            return;
        }
        String source = Pointer.child(meta, "annotations", AzureIdentityKeys.EKS_SKIP_CONTAINERS);
        if (!object.at(source).isValueNode()) {
            return;
        }
        String names = Arrays.stream(object.at(source).asText("").split(",")).map(String::strip)
                .filter(n -> !n.isEmpty()).collect(Collectors.joining(";"));
        RuleOutput.ChangeBuilder change = output.change(object).remove(source);
        if (names.isEmpty()) {
            change.summary("Drop an empty skip-containers annotation from " + object.kind() + " " + object.name())
                    .rationale("EDGES.md §1.5: the annotation names no container, so it skips nothing.");
            return;
        }
        change.add(Pointer.child(meta, "annotations", AzureIdentityKeys.SKIP_CONTAINERS), names)
                .summary("Skip containers " + names + " in the Workload ID webhook")
                .rationale("EDGES.md §10.1: `" + AzureIdentityKeys.EKS_SKIP_CONTAINERS + "` (comma-separated) "
                        + "becomes `" + AzureIdentityKeys.SKIP_CONTAINERS + "` (semicolon-separated, EDGES.md §1.2).");
    }
}
