package dev.ferry.engine.rule.ingress;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.engine.rule.ingress.IngressControllers.Controller;
import dev.ferry.model.KubeObject;

/**
 * Moves an Ingress of the Application Gateway Ingress Controller (class {@code azure-application-gateway}, legacy
 * annotation {@code kubernetes.io/ingress.class: azure/application-gateway}, or a custom IngressClass whose controller
 * is AGIC) or of Application Gateway for Containers ({@code azure-alb-external}) to {@code spec.ingressClassName: alb}
 * and removes the deprecated class annotation.
 */
public final class AgicIngressClassRule implements Rule {

    static final String ALB_CLASS = "alb";

    static final RuleInfo INFO = RuleInfo.of("agic-ingress-class-to-alb", "AGIC Ingress class to alb",
            "Selects the AWS Load Balancer Controller (class alb) for Ingresses written for AGIC or Application "
                    + "Gateway for Containers.",
            Edge.INGRESS, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        Controller controller = IngressControllers.of(object, context.estate());
        if (!controller.movesToAlb()) {
            return;
        }
        String from = IngressControllers.classless(object) ? "no class (attributed to AGIC)"
                : "`" + object.at("/spec/ingressClassName").asText(
                        object.annotations().get(IngressControllers.LEGACY_CLASS_ANNOTATION)) + "`";
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("Ingress class " + from + " → `alb`")
                .rationale("EDGES.md §2.1: on EKS the AWS Load Balancer Controller serves Ingresses of the IngressClass "
                        + "`alb` (controller `ingress.k8s.aws/alb`); the `kubernetes.io/ingress.class` annotation is "
                        + "deprecated and not supported by EKS Auto Mode, so the class goes into `spec.ingressClassName`.")
                .add("/spec/ingressClassName", ALB_CLASS);
        if (object.annotations().containsKey(IngressControllers.LEGACY_CLASS_ANNOTATION)) {
            change.remove(AgicAnnotations.pointer(IngressControllers.LEGACY_CLASS_ANNOTATION));
        }
        if (IngressControllers.classless(object)) {
            change.finding(Finding.info("This Ingress named no class; it was taken as an AGIC Ingress because of "
                    + "the cluster's default IngressClass or its `appgw.ingress.kubernetes.io` annotations."));
        }
        if (controller == Controller.AGC) {
            change.finding(Finding.warning("This Ingress was served by Application Gateway for Containers. Its "
                    + "IngressExtension features (rewrites, redirects, session affinity, timeouts) are not carried; "
                    + "review them against the ALB annotations (EDGES.md §2.5)."));
        }
    }
}
