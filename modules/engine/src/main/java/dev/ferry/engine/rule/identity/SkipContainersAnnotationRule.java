package dev.ferry.engine.rule.identity;

import static dev.ferry.engine.rule.identity.AzureIdentityKeys.EKS_SKIP_CONTAINERS;
import static dev.ferry.engine.rule.identity.AzureIdentityKeys.SKIP_CONTAINERS;

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
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Translates the pod annotation {@code azure.workload.identity/skip-containers} (semicolon-separated) to
 * {@code eks.amazonaws.com/skip-containers} (comma-separated) in IRSA mode; EKS Pod Identity has no equivalent, so
 * there the annotation is dropped with a warning (EDGES.md §1.2, §1.5, §1.9).
 */
public final class SkipContainersAnnotationRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("workload-id-skip-containers",
            "Workload ID skip-containers to EKS",
            "Translates the Workload ID skip-containers pod annotation to the EKS webhook's comma-separated form.",
            Edge.IDENTITY, Direction.AKS_TO_EKS, IdentitySettings.MODE);

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
        String source = Pointer.child(meta, "annotations", SKIP_CONTAINERS);
        if (!object.at(source).isValueNode()) {
            return;
        }
        String value = object.at(source).asText("");
        String names = Arrays.stream(value.split(";")).map(String::strip).filter(n -> !n.isEmpty())
                .collect(Collectors.joining(","));
        RuleOutput.ChangeBuilder change = output.change(object).remove(source);
        if (IdentitySettings.of(context.settings()).mode() == IdentitySettings.Mode.POD_IDENTITY) {
            change.summary("Drop skip-containers from " + object.kind() + " " + object.name())
                    .rationale("EDGES.md §1.9: EKS Pod Identity has no per-container opt-out.")
                    .finding(Finding.warning("Containers `" + names + "` of " + object.kind() + " `"
                            + object.name() + "` were kept from the Azure token; under EKS Pod Identity every "
                            + "container can read the role's credentials. Check that this is acceptable."));
            return;
        }
        if (names.isEmpty()) {
            change.summary("Drop an empty skip-containers annotation from " + object.kind() + " " + object.name())
                    .rationale("EDGES.md §1.2: the annotation names no container, so it skips nothing.");
            return;
        }
        change.add(Pointer.child(meta, "annotations", EKS_SKIP_CONTAINERS), names)
                .summary("Skip containers " + names + " in the EKS webhook")
                .rationale("EDGES.md §1.9: `" + SKIP_CONTAINERS + "` (semicolon-separated) becomes `"
                        + EKS_SKIP_CONTAINERS + "` (comma-separated, EDGES.md §1.5).");
    }
}
