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
 * Removes the Application Gateway for Containers annotations ({@code alb.networking.azure.io/*}) from Ingresses moved
 * to the ALB: the AGC resource, frontend and IngressExtension they point at do not exist on AWS.
 */
public final class AgcIngressAnnotationsRule implements Rule {

    static final String PREFIX = "alb.networking.azure.io/";
    static final String INGRESS_EXTENSION = PREFIX + "alb-ingress-extension";

    static final RuleInfo INFO = RuleInfo.of("agc-ingress-annotations-removed", "AGC Ingress annotations removed",
            "Removes Application Gateway for Containers annotations from Ingresses moved to the ALB.",
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
        List<String> keys = object.annotations().keySet().stream().filter(k -> k.startsWith(PREFIX)).sorted().toList();
        if (keys.isEmpty()) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("AGC annotations removed")
                .rationale("EDGES.md §2.5: `alb.networking.azure.io` annotations select the AGC resource, its frontend "
                        + "and an IngressExtension; the AWS Load Balancer Controller creates its own ALB and reads "
                        + "only `alb.ingress.kubernetes.io` annotations.");
        keys.forEach(k -> change.remove(AgicAnnotations.pointer(k)));
        String extension = object.annotations().get(INGRESS_EXTENSION);
        if (extension != null) {
            change.finding(Finding.actionRequired("IngressExtension `" + extension + "` is not carried. Translate its "
                    + "rewrites, redirects, session affinity and timeouts into ALB annotations (`transforms.<service>`, "
                    + "`actions.<name>`, `target-group-attributes`, `load-balancer-attributes`)."));
        }
        change.finding(Finding.info("Removed " + String.join(", ", keys) + "."));
    }
}
