package dev.ferry.engine.rule.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Notes on a carried {@code kubernetes.io/tls} Secret that AGIC Ingresses terminate TLS with it, while ALB uses ACM
 * certificates only, so a TLS Secret used only by AGIC Ingresses may be unneeded on EKS.
 */
public final class TlsSecretAcmNoteRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("tls-secret-acm-note", "TLS Secret replaced by ACM for ALB",
            "Notes that a TLS Secret used by AGIC Ingresses is not read by ALB, which terminates TLS with ACM certificates.",
            Edge.SECRETS, Direction.AKS_TO_EKS, "ingress.certificates");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!SecretUses.isSecret(object) || !"kubernetes.io/tls".equals(object.at("/type").asText())
                || SecretUses.droppedBySecretsRules(context.estate(), object)) {
            return;
        }
        List<String> agic = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (KubeObject ingress : context.estate().ofKind("Ingress")) {
            if (ingress.namespace().equals(object.namespace()) && usesSecret(ingress, object.name())) {
                (isAgic(ingress) ? agic : other).add("Ingress/" + ingress.name());
            }
        }
        if (agic.isEmpty()) {
            return;
        }
        other.addAll(SecretUses.podReferences(context.estate(), object));
        String message = "ALB never reads Kubernetes TLS Secrets (EDGES.md §2.2, §2.4): " + String.join(", ", agic)
                + " will terminate TLS with an ACM certificate (setting `ingress.certificates`, or host-based "
                + "discovery). ";
        message += other.isEmpty()
                ? "Nothing else in the estate uses this Secret, so it may be unneeded on EKS once the certificate is "
                        + "in ACM."
                : "It is still used by " + String.join(", ", other) + ", so keep it.";
        output.change(object)
                .summary("TLS Secret of AGIC Ingresses; ALB uses ACM")
                .rationale("EDGES.md §2.2: AGIC uploads `spec.tls[].secretName` to the Application Gateway; the AWS "
                        + "Load Balancer Controller ignores it and takes certificates from ACM.")
                .finding(Finding.info(message));
    }

    private static boolean usesSecret(KubeObject ingress, String secret) {
        for (JsonNode tls : ingress.at("/spec/tls")) {
            if (secret.equals(tls.path("secretName").asText())) {
                return true;
            }
        }
        return false;
    }

    /** EDGES.md §2.1: class name or legacy annotation of the Application Gateway Ingress Controller. */
    static boolean isAgic(KubeObject ingress) {
        return "azure-application-gateway".equals(ingress.at("/spec/ingressClassName").asText())
                || "azure/application-gateway".equals(ingress.annotations().get("kubernetes.io/ingress.class"));
    }
}
