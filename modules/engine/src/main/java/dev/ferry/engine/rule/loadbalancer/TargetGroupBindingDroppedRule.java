package dev.ferry.engine.rule.loadbalancer;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;

/**
 * Drops {@code TargetGroupBinding} objects ({@code elbv2.k8s.aws}): they register a Service's pods in a target group
 * of a load balancer managed outside Kubernetes, which AKS has no way to express. The finding names the Service and
 * the Azure practice (a LoadBalancer Service, or Application Gateway for Containers in bring-your-own mode).
 */
public final class TargetGroupBindingDroppedRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("target-group-binding-dropped", "TargetGroupBinding dropped",
            "Drops AWS TargetGroupBindings and names the Azure way to expose their Service.",
            Edge.LOAD_BALANCER, Direction.EKS_TO_AKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!object.kind().equals("TargetGroupBinding") || !object.apiVersion().startsWith("elbv2.k8s.aws/")) {
            return;
        }
        String service = object.at("/spec/serviceRef/name").asText("?");
        String port = object.at("/spec/serviceRef/port").asText("?");
        String targetGroup = object.at("/spec/targetGroupARN").asText(object.at("/spec/targetGroupName").asText("?"));
        output.drop(object, "TargetGroupBinding dropped",
                "EDGES.md §10.1: a TargetGroupBinding attaches pods to an externally managed AWS load balancer; AKS "
                        + "has no such binding object, so it cannot be carried.",
                Finding.actionRequired("TargetGroupBinding " + object.namespace() + "/" + object.name() + " fed "
                        + "Service `" + service + "` port " + port + " into target group `" + targetGroup + "`. On "
                        + "AKS expose that Service as `type: LoadBalancer` (Azure Load Balancer), through an "
                        + "Ingress (AGIC), or attach it to an existing Application Gateway for Containers "
                        + "(bring-your-own deployment), and move DNS to the new frontend."));
    }
}
