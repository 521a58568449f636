package dev.ferry.engine.rule.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Optional;

/**
 * Rewrites pod-template node affinity (required terms and preferred preferences) on EKS node labels the way
 * {@link EksNodeSelectorToAksRule} rewrites selectors. Each translated expression is written field by field
 * ({@code key}, {@code operator}, {@code values}) so the networking edge can still write zone values of other
 * expressions; an expression with no AKS counterpart is neutralised in place as {@code kubernetes.io/os Exists}
 * (never removed by index, never the whole list replaced).
 */
public final class EksNodeAffinityToAksRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("eks-node-affinity-to-aks", "EKS node affinity to AKS node labels",
            "Rewrites workload node affinity on EKS node group, Karpenter, capacity-type and instance-type labels to "
                    + "AKS node labels.", Edge.AUTOSCALING, Direction.EKS_TO_AKS, EksNodeLabels.MODE_SETTING);

    static final String NEUTRAL_KEY = "kubernetes.io/os";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        Optional<String> spec = PodTemplates.specPointer(object);
        if (spec.isEmpty()) {
            return;
        }
        boolean nap = EksNodeLabels.nap(context);
        String affinity = spec.get() + "/affinity/nodeAffinity";
        List<String> expressionLists = new ArrayList<>();
        JsonNode required = object.at(affinity + "/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms");
        for (int i = 0; i < required.size(); i++) {
            expressionLists.add(affinity + "/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/" + i
                    + "/matchExpressions");
        }
        JsonNode preferred = object.at(affinity + "/preferredDuringSchedulingIgnoredDuringExecution");
        for (int i = 0; i < preferred.size(); i++) {
            expressionLists.add(affinity + "/preferredDuringSchedulingIgnoredDuringExecution/" + i
                    + "/preference/matchExpressions");
        }
        RuleOutput.ChangeBuilder change = null;
        for (String list : expressionLists) {
            JsonNode expressions = object.at(list);
            List<Finding> findings = new ArrayList<>();
            List<Runnable> fine = new ArrayList<>();
            boolean neutralised = false;
            boolean changed = false;
            for (int e = 0; e < expressions.size(); e++) {
                JsonNode expression = expressions.get(e);
                String key = expression.path("key").asText();
                String operator = expression.path("operator").asText("In");
                List<String> values = new ArrayList<>();
                expression.path("values").forEach(v -> values.add(v.asText()));
                Optional<EksNodeLabels.Mapped> mapped = EksNodeLabels.translate(key, operator, values, nap);
                if (mapped.isEmpty()) {
                    continue;
                }
                EksNodeLabels.Mapped m = mapped.get();
                findings.addAll(m.findings());
                if (m.dropped()) {
                    // neutralised in place (every node has kubernetes.io/os) rather than removed, so the
                    // expression list is never replaced whole and the networking edge can write zone values
                    m = new EksNodeLabels.Mapped(NEUTRAL_KEY, "Exists", List.of(), List.of());
                    neutralised = true;
                }
                ObjectNode next = JsonNodeFactory.instance.objectNode().put("key", m.key()).put("operator", m.operator());
                if (!m.values().isEmpty()) {
                    m.values().forEach(next.putArray("values")::add);
                }
                if (next.equals(expression)) {
                    continue;
                }
                changed = true;
                String at = list + "/" + e;
                fine.add(() -> writeFine(at, expression, next, output.change(object)));
            }
            if (findings.isEmpty() && !changed) {
                continue;
            }
            if (change == null) {
                change = output.change(object).summary("Node affinity on EKS labels → AKS node labels")
                        .rationale("EDGES.md §7.3, §7.6, §7.7, §10.1: EKS node labels exist on no AKS node; the "
                                + "affinity would never match, so it is rewritten to AKS node-pool labels.");
            }
            findings.forEach(change::finding);
            if (neutralised) {
                change.finding(Finding.info("Expressions with no AKS counterpart were turned into `"
                        + NEUTRAL_KEY + " Exists`, which every node satisfies; delete them when you review."));
            }
            fine.forEach(Runnable::run);
        }
    }

    private static void writeFine(String at, JsonNode before, ObjectNode after, RuleOutput.ChangeBuilder change) {
        if (!after.path("key").equals(before.path("key"))) {
            change.replace(at + "/key", after.path("key").asText());
        }
        if (!after.path("operator").equals(before.path("operator"))) {
            change.add(at + "/operator", after.path("operator").asText());
        }
        if (!after.path("values").equals(before.path("values"))) {
            if (after.has("values")) {
                change.add(at + "/values", after.path("values"));
            } else {
                change.remove(at + "/values");
            }
        }
    }
}
