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
 * Generates the IngressClass the translated Ingresses name, once: {@code azure-application-gateway} (controller
 * {@code azure/application-gateway}) or, with {@code ingress.controller: agc}, {@code azure-alb-external} (controller
 * {@code alb.networking.azure.io/alb-controller}), unless the estate already defines it.
 */
public final class AgicIngressClassGeneratedRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("agic-ingress-class-generated", "AGIC IngressClass generated",
            "Generates the IngressClass of the Application Gateway Ingress Controller, or of Application Gateway for "
                    + "Containers, when any ALB Ingress moves to it.",
            Edge.INGRESS, Direction.EKS_TO_AKS, AlbIngresses.SETTING);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void finish(RuleContext context, RuleOutput output) {
        boolean needed = context.estate().ofKind("Ingress").stream()
                .anyMatch(i -> AlbIngresses.isAlb(i, context.estate()));
        boolean agc = AlbIngresses.agc(context);
        String name = agc ? IngressControllers.AGC_CLASS : IngressControllers.AGIC_CLASS;
        String controller = agc ? IngressControllers.AGC_CONTROLLER : IngressControllers.AGIC_CONTROLLER;
        boolean present = context.estate().find("IngressClass", "", name)
                .filter(IngressControllers::isIngressClass).isPresent();
        if (!needed || present) {
            return;
        }
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode ingressClass = json.objectNode();
        ingressClass.put("apiVersion", "networking.k8s.io/v1");
        ingressClass.put("kind", "IngressClass");
        ingressClass.putObject("metadata").put("name", name);
        ingressClass.putObject("spec").put("controller", controller);
        output.generate(ingressClass, "IngressClass `" + name + "`",
                "EDGES.md §2.1: translated Ingresses name `spec.ingressClassName: " + name + "`; that IngressClass "
                        + "must exist with `spec.controller: " + controller + "`. The add-on or Helm chart usually "
                        + "creates it too, so applying both is harmless.",
                Finding.info(agc ? "Install the Application Gateway for Containers ALB Controller before the "
                        + "Ingresses." : "The AGIC add-on creates this class as well; the generated one makes the "
                        + "bundle self-contained."));
    }
}
