package dev.ferry.engine.rule.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the {@code pathType} of AGIC paths that use a {@code *} wildcard ({@code /api/*}) from {@code Prefix} or
 * {@code Exact} into {@code ImplementationSpecific}: the Application Gateway reads {@code *} as a wildcard whatever
 * the path type, while the AWS Load Balancer Controller accepts wildcards only in {@code ImplementationSpecific} paths
 * and rejects the Ingress otherwise.
 */
public final class AgicWildcardPathRule implements Rule {

    static final String IMPLEMENTATION_SPECIFIC = "ImplementationSpecific";

    static final RuleInfo INFO = RuleInfo.of("agic-wildcard-path-type", "AGIC wildcard paths to ImplementationSpecific",
            "Gives AGIC wildcard paths the path type under which the ALB keeps them as wildcards.",
            Edge.INGRESS, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!IngressControllers.of(object, context.estate()).movesToAlb()) {
            return;
        }
        List<String> changed = new ArrayList<>();
        RuleOutput.ChangeBuilder change = output.change(object);
        JsonNode rules = object.at("/spec/rules");
        for (int r = 0; r < rules.size(); r++) {
            JsonNode paths = rules.get(r).path("http").path("paths");
            for (int p = 0; p < paths.size(); p++) {
                JsonNode path = paths.get(p);
                String type = path.path("pathType").asText("");
                if (path.path("path").asText("").contains("*") && (type.equals("Prefix") || type.equals("Exact"))) {
                    change.replace("/spec/rules/" + r + "/http/paths/" + p + "/pathType", IMPLEMENTATION_SPECIFIC);
                    changed.add(path.path("path").asText() + " (" + type + ")");
                }
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        change.summary("Wildcard paths → pathType ImplementationSpecific")
                .rationale("EDGES.md §2.3: AGIC supports `*` wildcards in paths; the AWS Load Balancer Controller "
                        + "accepts `*` and `?` only with `pathType: ImplementationSpecific` (as ALB path patterns) and "
                        + "rejects them in `Prefix` and `Exact` paths.")
                .finding(Finding.info("Path type set to ImplementationSpecific for " + String.join(", ", changed)
                        + ", so the ALB matches them as wildcards like the Application Gateway did."));
    }
}
