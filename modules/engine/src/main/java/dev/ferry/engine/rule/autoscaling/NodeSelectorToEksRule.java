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
 * Rewrites pod-template {@code nodeSelector} entries on AKS node labels to their EKS counterparts (EDGES.md §7.1–7.3,
 * §7.7): pool → {@code karpenter.sh/nodepool} (user pool) or {@code eks.amazonaws.com/nodegroup} (system pool), spot
 * priority → {@code karpenter.sh/capacity-type}, mode → {@code ferry.dev/mode}, Azure VM sizes → EC2 types; the
 * virtual-node selectors {@code type: virtual-kubelet} and {@code kubernetes.io/role: agent} are removed. Keys with no
 * counterpart stay, with an action-required finding. Zone values are the networking edge's.
 */
public final class NodeSelectorToEksRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("aks-node-selector-to-eks", "AKS nodeSelector to EKS node labels",
            "Rewrites workload nodeSelectors on AKS pool, mode, spot and VM-size labels to Karpenter and EKS node "
                    + "labels.", Edge.AUTOSCALING, Direction.AKS_TO_EKS);

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
        Map<String, AksNodePool> pools = AksNodePool.of(context.estate().nodes());
        Map<String, String> result = new LinkedHashMap<>();
        selector.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().asText()));
        List<String> removed = new ArrayList<>();
        Map<String, String> added = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        var fields = selector.fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            String key = entry.getKey();
            String value = entry.getValue().asText();
            Optional<NodeLabels.Mapped> mapped = NodeLabels.translate(key, "In", List.of(value), pools);
            if (mapped.isEmpty()) {
                continue;
            }
            NodeLabels.Mapped m = mapped.get();
            findings.addAll(m.findings());
            if (m.dropped()) {
                removed.add(key);
                result.remove(key);
            } else if (!m.key().equals(key) || !m.values().equals(List.of(value))) {
                String target = m.values().get(0);
                String existing = result.get(m.key());
                if (existing != null && !existing.equals(target) && !m.key().equals(key)) {
                    findings.add(Finding.actionRequired("nodeSelector `" + key + ": " + value + "` maps to `" + m.key()
                            + ": " + target + "`, but the selector already sets `" + m.key() + ": " + existing
                            + "`; reconcile them by hand."));
                    continue;
                }
                if (!m.key().equals(key)) {
                    removed.add(key);
                    result.remove(key);
                }
                result.put(m.key(), target);
                added.put(m.key(), target);
            }
        }
        if (removed.isEmpty() && added.isEmpty() && findings.isEmpty()) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object).rationale("EDGES.md §7.1–7.3, §7.7, §10.4: AKS node "
                + "labels (`kubernetes.azure.com/*`, `agentpool`, Azure VM sizes) exist on no EKS node; Karpenter "
                + "NodePools and managed node groups carry their own labels, so a selector left as is keeps the pod "
                + "Pending.");
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
