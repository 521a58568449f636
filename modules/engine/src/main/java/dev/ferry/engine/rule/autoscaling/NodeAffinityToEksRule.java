package dev.ferry.engine.rule.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rewrites required and preferred node-affinity expressions on AKS node labels to their EKS counterparts, with the
 * same mapping as {@link NodeSelectorToEksRule} (EDGES.md §7.1–7.3, §7.7). A changed expression is replaced in place;
 * when an expression is removed (virtual-node selectors) the whole term list is replaced, and a term left empty is
 * removed with it, since an empty term matches no node. Zone expressions are left to the networking edge.
 */
public final class NodeAffinityToEksRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("aks-node-affinity-to-eks", "AKS node affinity to EKS node labels",
            "Rewrites workload node-affinity expressions on AKS pool, mode, spot and VM-size labels to Karpenter and "
                    + "EKS node labels.", Edge.AUTOSCALING, Direction.AKS_TO_EKS);

    private static final String REQUIRED = "requiredDuringSchedulingIgnoredDuringExecution";
    private static final String PREFERRED = "preferredDuringSchedulingIgnoredDuringExecution";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        Optional<String> spec = PodTemplates.specPointer(object);
        if (spec.isEmpty() || !object.at(spec.get() + "/affinity/nodeAffinity").isObject()) {
            return;
        }
        String base = spec.get() + "/affinity/nodeAffinity";
        Map<String, AksNodePool> pools = AksNodePool.of(context.estate().nodes());
        List<Finding> findings = new ArrayList<>();
        List<Op> ops = new ArrayList<>();
        rewrite(object.at(base + "/" + REQUIRED + "/nodeSelectorTerms"), base + "/" + REQUIRED + "/nodeSelectorTerms",
                "", base + "/" + REQUIRED, pools, findings, ops);
        rewrite(object.at(base + "/" + PREFERRED), base + "/" + PREFERRED, "/preference", base + "/" + PREFERRED,
                pools, findings, ops);
        if (ops.isEmpty() && findings.isEmpty()) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object).summary("Node affinity on AKS node labels → EKS labels")
                .rationale("EDGES.md §7.1–7.3, §7.7: AKS node labels exist on no EKS node; Karpenter NodePools and "
                        + "managed node groups carry their own labels, so affinity left as is keeps the pod Pending.");
        for (Op op : ops) {
            if (op.value == null) {
                change.remove(op.path);
            } else {
                change.replace(op.path, op.value);
            }
        }
        findings.forEach(change::finding);
    }

    private record Op(String path, JsonNode value) {
    }

    /**
     * Rewrites a list of terms (required {@code nodeSelectorTerms}, or preferred entries whose expressions sit under
     * {@code termPrefix}); {@code removeWhenEmpty} is what to remove when no term is left.
     */
    private static void rewrite(JsonNode terms, String listPath, String termPrefix, String removeWhenEmpty,
                                Map<String, AksNodePool> pools, List<Finding> findings, List<Op> ops) {
        if (!terms.isArray()) {
            return;
        }
        ArrayNode newTerms = JsonNodeFactory.instance.arrayNode();
        List<Op> elementOps = new ArrayList<>();
        boolean structural = false;
        for (int i = 0; i < terms.size(); i++) {
            JsonNode term = terms.get(i);
            JsonNode expressions = term.at(termPrefix + "/matchExpressions");
            ObjectNode newTerm = term.deepCopy();
            if (expressions.isArray()) {
                ArrayNode newExpressions = JsonNodeFactory.instance.arrayNode();
                for (int j = 0; j < expressions.size(); j++) {
                    JsonNode expression = expressions.get(j);
                    JsonNode rewritten = translate(expression, pools, findings);
                    if (rewritten == null) {
                        structural = true;
                        continue;
                    }
                    newExpressions.add(rewritten);
                    if (!rewritten.equals(expression)) {
                        elementOps.add(new Op(listPath + "/" + i + termPrefix + "/matchExpressions/" + j, rewritten));
                    }
                }
                ObjectNode holder = termPrefix.isEmpty() ? newTerm : (ObjectNode) newTerm.path("preference");
                if (newExpressions.isEmpty()) {
                    holder.remove("matchExpressions");
                } else {
                    holder.set("matchExpressions", newExpressions);
                }
                if (holder.path("matchExpressions").isMissingNode() && holder.path("matchFields").isEmpty()) {
                    continue;
                }
            }
            newTerms.add(newTerm);
        }
        if (!structural) {
            ops.addAll(elementOps);
        } else if (newTerms.isEmpty()) {
            ops.add(new Op(removeWhenEmpty, null));
        } else {
            ops.add(new Op(listPath, newTerms));
        }
    }

    /** The EKS expression, the same node when nothing changes, or null when the expression is removed. */
    private static JsonNode translate(JsonNode expression, Map<String, AksNodePool> pools, List<Finding> findings) {
        String key = expression.path("key").asText();
        String operator = expression.path("operator").asText("In");
        List<String> values = new ArrayList<>();
        expression.path("values").forEach(v -> values.add(v.asText()));
        Optional<NodeLabels.Mapped> mapped = NodeLabels.translate(key, operator, values, pools);
        if (mapped.isEmpty()) {
            return expression;
        }
        NodeLabels.Mapped m = mapped.get();
        findings.addAll(m.findings());
        if (m.dropped()) {
            return null;
        }
        if (m.key().equals(key) && m.operator().equals(operator) && m.values().equals(values)) {
            return expression;
        }
        ObjectNode rewritten = JsonNodeFactory.instance.objectNode().put("key", m.key()).put("operator", m.operator());
        if (!m.values().isEmpty()) {
            m.values().forEach(rewritten.putArray("values")::add);
        }
        return rewritten;
    }
}
