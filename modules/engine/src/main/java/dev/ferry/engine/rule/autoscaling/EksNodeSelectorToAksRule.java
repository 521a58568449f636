package dev.ferry.engine.rule.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rewrites pod-template {@code nodeSelector} entries on EKS node labels (EDGES.md §10.1): node group / NodePool →
 * {@code kubernetes.azure.com/agentpool}, spot capacity → {@code kubernetes.azure.com/scalesetpriority: spot}
 * (on-demand selectors are removed: spot pools are tainted), EC2 instance types → Azure VM sizes, Karpenter AWS
 * instance labels → NAP {@code karpenter.azure.com/sku-*} in {@code autoscaling.mode: nap}. Zone values are the
 * networking edge's.
 */
public final class EksNodeSelectorToAksRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("eks-node-selector-to-aks", "EKS nodeSelector to AKS node labels",
            "Rewrites workload nodeSelectors on EKS node group, Karpenter, capacity-type and instance-type labels to "
                    + "AKS node labels.", Edge.AUTOSCALING, Direction.EKS_TO_AKS, EksNodeLabels.MODE_SETTING);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        Optional<String> spec = PodTemplates.specPointer(object);
        if (spec.isEmpty() || !object.at(spec.get() + "/nodeSelector").isObject()) {
            return;
        }
        String base = spec.get() + "/nodeSelector";
        JsonNode selector = object.at(base);
        boolean nap = EksNodeLabels.nap(context);
        Map<String, String> result = new LinkedHashMap<>();
        selector.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().asText()));
        List<String> removed = new ArrayList<>();
        Map<String, String> added = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        selector.fields().forEachRemaining(entry -> {
            String key = entry.getKey();
            String value = entry.getValue().asText();
            Optional<EksNodeLabels.Mapped> mapped = EksNodeLabels.translate(key, "In", List.of(value), nap);
            if (mapped.isEmpty()) {
                return;
            }
            EksNodeLabels.Mapped m = mapped.get();
            findings.addAll(m.findings());
            if (m.dropped() || !m.operator().equals("In") || m.values().size() != 1) {
                removed.add(key);
                result.remove(key);
                return;
            }
            String target = m.values().get(0);
            if (m.key().equals(key) && target.equals(value)) {
                return;
            }
            String existing = result.get(m.key());
            if (existing != null && !existing.equals(target) && !m.key().equals(key)) {
                findings.add(Finding.actionRequired("nodeSelector `" + key + ": " + value + "` maps to `" + m.key()
                        + ": " + target + "`, but the selector already sets `" + m.key() + ": " + existing
                        + "`; reconcile them by hand."));
                return;
            }
            if (!m.key().equals(key)) {
                removed.add(key);
                result.remove(key);
            }
            result.put(m.key(), target);
            added.put(m.key(), target);
        });
        if (removed.isEmpty() && added.isEmpty() && findings.isEmpty()) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object).rationale("EDGES.md §7.3, §7.6, §7.7, §10.1: EKS "
                + "node labels (`eks.amazonaws.com/*`, `karpenter.*`, EC2 instance types) exist on no AKS node; node "
                + "pools carry `kubernetes.azure.com/agentpool` and `kubernetes.azure.com/scalesetpriority`, so a "
                + "selector left as is keeps the pod Pending.");
        if (result.isEmpty()) {
            change.remove(base);
        } else {
            removed.forEach(k -> change.remove(Pointer.child(base, k)));
            added.forEach((k, v) -> change.add(Pointer.child(base, k), v));
        }
        if (!removed.isEmpty() || !added.isEmpty()) {
            change.summary("nodeSelector " + String.join(", ", removed.isEmpty() ? added.keySet() : removed)
                    + " → " + (added.isEmpty() ? "removed" : String.join(", ", added.keySet())));
        }
        findings.forEach(change::finding);
    }
}
