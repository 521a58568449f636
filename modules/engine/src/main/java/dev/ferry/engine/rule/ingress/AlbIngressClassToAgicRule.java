package dev.ferry.engine.rule.ingress;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;

/**
 * Moves an Ingress of the AWS Load Balancer Controller (class {@code alb}, the legacy annotation, or a custom class
 * whose controller is {@code ingress.k8s.aws/alb} / {@code eks.amazonaws.com/alb}) to the Application Gateway Ingress
 * Controller ({@code azure-application-gateway}) or, with {@code ingress.controller: agc}, to Application Gateway for
 * Containers ({@code azure-alb-external}), and removes the deprecated class annotation.
 */
public final class AlbIngressClassToAgicRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("alb-ingress-class-to-agic", "ALB Ingress class to AGIC",
            "Selects the Application Gateway Ingress Controller, or Application Gateway for Containers, for "
                    + "Ingresses written for the AWS Load Balancer Controller.",
            Edge.INGRESS, Direction.EKS_TO_AKS, AlbIngresses.SETTING);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!AlbIngresses.isAlb(object, context.estate())) {
            return;
        }
        boolean agc = AlbIngresses.agc(context);
        String target = agc ? IngressControllers.AGC_CLASS : IngressControllers.AGIC_CLASS;
        String from = IngressControllers.classless(object) ? "no class (attributed to the ALB)"
                : "`" + object.at("/spec/ingressClassName").asText(
                        object.annotations().get(IngressControllers.LEGACY_CLASS_ANNOTATION)) + "`";
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("Ingress class " + from + " → `" + target + "`")
                .rationale("EDGES.md §2.1/§10.1: on AKS the Application Gateway Ingress Controller serves the "
                        + "IngressClass `azure-application-gateway` and Application Gateway for Containers the class "
                        + "`azure-alb-external`; the `kubernetes.io/ingress.class` annotation is deprecated, so the "
                        + "class goes into `spec.ingressClassName`.")
                .add("/spec/ingressClassName", target);
        if (object.annotations().containsKey(IngressControllers.LEGACY_CLASS_ANNOTATION)) {
            change.remove(AgicAnnotations.pointer(IngressControllers.LEGACY_CLASS_ANNOTATION));
        }
        String mode = context.settings().text(AlbIngresses.SETTING, AlbIngresses.MODE_AGIC);
        if (!java.util.Set.of(AlbIngresses.MODE_AGIC, AlbIngresses.MODE_AGC, AlbIngresses.MODE_KEEP_NGINX)
                .contains(mode)) {
            change.finding(Finding.missingSetting(AlbIngresses.SETTING, "`" + AlbIngresses.SETTING + ": " + mode
                    + "` is not `agic`, `agc` or `keep-nginx`; this Ingress was moved to AGIC. Fix the setting and "
                    + "re-run."));
        }
        if (agc) {
            change.finding(Finding.actionRequired("Application Gateway for Containers must exist for this Ingress: "
                    + "deploy the ALB Controller and either an `ApplicationLoadBalancer` (managed) or annotate the "
                    + "Ingress with `alb.networking.azure.io/alb-id` and `alb.networking.azure.io/alb-frontend` "
                    + "(bring your own). AGC listens on ports 80 and 443 only and has no private frontend "
                    + "(EDGES.md §2.5)."));
        } else {
            change.finding(Finding.info("Enable the AGIC add-on (`az aks enable-addons -a ingress-appgw`) before "
                    + "applying; AGIC programs every Ingress of its class onto one Application Gateway and targets "
                    + "pod IPs, which needs Azure CNI (overlay needs Application Gateway for Containers) "
                    + "(EDGES.md §2.3)."));
        }
    }
}
