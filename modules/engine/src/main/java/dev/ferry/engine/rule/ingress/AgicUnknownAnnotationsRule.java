package dev.ferry.engine.rule.ingress;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.List;

/**
 * Removes every {@code appgw.ingress.kubernetes.io/*} annotation no other rule of this package knows (misspelt or
 * newer keys), so no AGIC key reaches EKS unreviewed.
 */
public final class AgicUnknownAnnotationsRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("agic-unknown-annotations-removed", "Unknown AGIC annotations removed",
            "Removes AGIC annotations that Ferry does not translate and asks for a review.",
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
        List<String> unknown = object.annotations().keySet().stream()
                .filter(AgicAnnotations::isAgicKey)
                .filter(k -> !AgicAnnotations.HANDLED.contains(k))
                .sorted()
                .toList();
        if (unknown.isEmpty()) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("Unknown AGIC annotations removed")
                .rationale("EDGES.md §2.2 lists every AGIC annotation; these keys are not among them, and the AWS Load "
                        + "Balancer Controller ignores `appgw.ingress.kubernetes.io` keys.");
        unknown.forEach(k -> change.remove(AgicAnnotations.pointer(k)));
        change.finding(Finding.actionRequired("Removed AGIC annotation(s) Ferry does not know: "
                + String.join(", ", unknown) + ". Check what they did and set an ALB equivalent by hand."));
    }
}
