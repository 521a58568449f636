package dev.ferry.engine.rule.ingress;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;

/**
 * Generates the IngressClass {@code alb} (controller {@code ingress.k8s.aws/alb}) once, when at least one Ingress of
 * the estate moves to the AWS Load Balancer Controller and the estate does not already hold an IngressClass
 * {@code alb}.
 */
public final class AlbIngressClassRule implements Rule {

    static final String ALB_CONTROLLER = "ingress.k8s.aws/alb";

    static final RuleInfo INFO = RuleInfo.of("alb-ingress-class-generated", "IngressClass alb generated",
            "Generates the IngressClass alb of the AWS Load Balancer Controller when any Ingress moves to it.",
            Edge.INGRESS, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void finish(RuleContext context, RuleOutput output) {
        boolean needed = context.estate().ofKind("Ingress").stream()
                .anyMatch(i -> IngressControllers.of(i, context.estate()).movesToAlb());
        boolean present = context.estate().find("IngressClass", "", AgicIngressClassRule.ALB_CLASS)
                .filter(IngressControllers::isIngressClass).isPresent();
        if (!needed || present) {
            return;
        }
        output.generate(ingressClass(), "IngressClass `alb` for the AWS Load Balancer Controller",
                "EDGES.md §2.1: translated Ingresses name `spec.ingressClassName: alb`; that IngressClass must exist "
                        + "with `spec.controller: ingress.k8s.aws/alb`. The controller's Helm chart also creates it "
                        + "(`createIngressClassResource: true`), so applying both is harmless.",
                Finding.info("Install the AWS Load Balancer Controller (Helm chart `aws-load-balancer-controller`) "
                        + "before the Ingresses; on EKS Auto Mode use an IngressClass with controller "
                        + "`eks.amazonaws.com/alb` instead."));
    }

    static ObjectNode ingressClass() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode ingressClass = json.objectNode();
        ingressClass.put("apiVersion", "networking.k8s.io/v1");
        ingressClass.put("kind", "IngressClass");
        ingressClass.putObject("metadata").put("name", AgicIngressClassRule.ALB_CLASS);
        ingressClass.putObject("spec").put("controller", ALB_CONTROLLER);
        return ingressClass;
    }
}
