package dev.ferry.engine.rule.ingress;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.engine.rule.ingress.IngressControllers.Controller;
import dev.ferry.model.KubeObject;

/**
 * Drops IngressClass objects whose controller is AGIC ({@code azure/application-gateway}) or Application Gateway for
 * Containers ({@code alb.networking.azure.io/alb-controller}): no controller on EKS serves them, and their Ingresses
 * move to the class {@code alb}.
 */
public final class AzureIngressClassDroppedRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("azure-ingress-class-dropped", "Azure IngressClass dropped",
            "Drops IngressClasses of the Application Gateway Ingress Controller and of Application Gateway for "
                    + "Containers, which nothing serves on EKS.",
            Edge.INGRESS, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!IngressControllers.isIngressClass(object)) {
            return;
        }
        String controller = object.at("/spec/controller").asText("");
        Controller kind = IngressControllers.byController(controller);
        if (!kind.movesToAlb()) {
            return;
        }
        output.drop(object, "IngressClass `" + object.name() + "` (controller `" + controller + "`) not carried",
                "EDGES.md §2.1: `" + controller + "` runs only on AKS; its Ingresses are moved to the IngressClass "
                        + "`alb` of the AWS Load Balancer Controller, which Ferry generates.");
    }
}
