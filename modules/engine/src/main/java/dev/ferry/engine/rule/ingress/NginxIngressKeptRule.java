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
 * Leaves ingress-nginx Ingresses (class {@code nginx}, or {@code webapprouting.kubernetes.azure.com} of the AKS
 * application routing add-on) unchanged in both {@code ingress.controller} modes and says what the target needs:
 * an ingress-nginx installation, with an IngressClass of the add-on's name for add-on Ingresses.
 */
public final class NginxIngressKeptRule implements Rule {

    static final String SETTING = "ingress.controller";
    static final String MODE_ALB = "alb";
    static final String MODE_KEEP_NGINX = "keep-nginx";

    static final RuleInfo INFO = RuleInfo.of("nginx-ingress-kept", "ingress-nginx Ingress kept",
            "Keeps ingress-nginx and application-routing Ingresses as they are and names what EKS needs to serve them.",
            Edge.INGRESS, Direction.AKS_TO_EKS, SETTING);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        Controller controller = IngressControllers.of(object, context.estate());
        if (controller != Controller.NGINX && controller != Controller.APP_ROUTING) {
            return;
        }
        String mode = context.settings().text(SETTING, MODE_ALB);
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("ingress-nginx Ingress kept")
                .rationale("EDGES.md §2.1: Ferry moves only AGIC and Application Gateway for Containers Ingresses to "
                        + "the AWS Load Balancer Controller; ingress-nginx runs on EKS unchanged (its controller "
                        + "Service gets an AWS load balancer), so the Ingress is carried as it is.");
        if (!mode.equals(MODE_ALB) && !mode.equals(MODE_KEEP_NGINX)) {
            change.finding(Finding.missingSetting(SETTING, "`" + SETTING + ": " + mode + "` is neither `alb` nor "
                    + "`keep-nginx`; this Ingress was kept for ingress-nginx. Fix the setting and re-run."));
        }
        if (controller == Controller.APP_ROUTING) {
            change.finding(Finding.warning("Class `" + IngressControllers.APP_ROUTING_CLASS + "` is the AKS "
                    + "application routing add-on (managed NGINX), which EKS does not have. Install ingress-nginx on "
                    + "EKS with an IngressClass named `" + IngressControllers.APP_ROUTING_CLASS + "` (controller "
                    + "`k8s.io/ingress-nginx`), or change this Ingress to the class your installation creates."));
        } else if (mode.equals(MODE_KEEP_NGINX)) {
            change.finding(Finding.info("Kept for ingress-nginx (`" + SETTING + ": keep-nginx`). Install the "
                    + "ingress-nginx controller on EKS before applying this Ingress."));
        } else {
            change.finding(Finding.warning("Left on ingress-nginx although `" + SETTING + "` is `alb`: Ferry moves "
                    + "only AGIC/AGC Ingresses to the ALB. Install ingress-nginx on EKS, or rewrite its "
                    + "`nginx.ingress.kubernetes.io` annotations for the ALB by hand; set `" + SETTING
                    + ": keep-nginx` to confirm keeping nginx."));
        }
    }
}
