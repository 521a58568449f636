package dev.ferry.engine.rule.ingress;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.Optional;

/**
 * Sets {@code alb.ingress.kubernetes.io/scheme} from AGIC's {@code use-private-ip}: {@code "true"} gives
 * {@code internal}, anything else {@code internet-facing}, because AGIC's default frontend is public while the AWS
 * Load Balancer Controller's default scheme is internal.
 */
public final class AgicSchemeRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("agic-frontend-to-alb-scheme", "AGIC frontend to ALB scheme",
            "Translates the Application Gateway frontend (public unless use-private-ip) into the ALB scheme.",
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
        Optional<String> raw = AgicAnnotations.value(object, AgicAnnotations.USE_PRIVATE_IP);
        boolean privateIp = AgicAnnotations.isTrue(object, AgicAnnotations.USE_PRIVATE_IP);
        String scheme = privateIp ? "internal" : "internet-facing";
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("ALB scheme `" + scheme + "`" + (privateIp ? " (from use-private-ip)" : ""))
                .rationale("EDGES.md §2.2/§2.4: defaults differ. AGIC exposes an Ingress on the Application Gateway's "
                        + "public frontend unless `use-private-ip: \"true\"`; the AWS Load Balancer Controller "
                        + "creates an internal ALB unless `scheme: internet-facing` is set, so the scheme is always "
                        + "written explicitly. Changing the scheme later replaces the ALB.");
        AlbAnnotations.put(change, object, "scheme", scheme);
        if (raw.isPresent()) {
            change.remove(AgicAnnotations.pointer(AgicAnnotations.USE_PRIVATE_IP));
            if (AgicAnnotations.bool(object, AgicAnnotations.USE_PRIVATE_IP).isEmpty()) {
                change.finding(Finding.warning("`use-private-ip: " + raw.get() + "` is not a boolean; AGIC read it "
                        + "as false, so the ALB is internet-facing. Set `alb.ingress.kubernetes.io/scheme` by hand if "
                        + "it should be internal."));
            }
        }
        if (privateIp) {
            change.finding(Finding.info("The internal ALB is reachable only inside the VPC; the subnets it uses need "
                    + "the tag `kubernetes.io/role/internal-elb: 1`."));
        } else {
            change.finding(Finding.info("The internet-facing ALB needs public subnets tagged "
                    + "`kubernetes.io/role/elb: 1`."));
        }
    }
}
