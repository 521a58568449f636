package dev.ferry.engine.rule.ingress;

import dev.ferry.engine.rule.Rule;
import java.util.List;

/**
 * The ingress edge's rules (EDGES.md §2): Application Gateway Ingress Controller and Application Gateway for
 * Containers Ingresses move to the AWS Load Balancer Controller; ingress-nginx Ingresses stay as they are.
 */
public final class IngressRules {

    private IngressRules() {
    }

    /** AKS → EKS, in run order: class selection first, then one rule per annotation concern, catch-all last. */
    public static List<Rule> aksToEks() {
        return List.of(
                new AgicIngressClassRule(),
                new AlbIngressClassRule(),
                new AzureIngressClassDroppedRule(),
                new AgicWildcardPathRule(),
                new AgicSchemeRule(),
                new AlbTargetTypeIpRule(),
                new AgicHealthProbeRule(),
                new AgicBackendProtocolRule(),
                new AgicListenersRule(),
                new AgicCertificateRule(),
                new AgicSslProfileRule(),
                new AgicTargetGroupAttributesRule(),
                new AgicRequestTimeoutRule(),
                new AgicBackendRewriteRule(),
                new AgicWafPolicyRule(),
                new AgicUnsupportedAnnotationsRule(),
                new AgicUnknownAnnotationsRule(),
                new AgcIngressAnnotationsRule(),
                new AgicCustomResourceDroppedRule(),
                new NginxIngressKeptRule());
    }

    /**
     * EKS → AKS, in run order: class selection and class objects first, then one rule per annotation concern, the
     * catch-all last.
     */
    public static List<Rule> eksToAks() {
        return List.of(
                new AlbIngressClassToAgicRule(),
                new AgicIngressClassGeneratedRule(),
                new AlbIngressClassDroppedRule(),
                new AlbSchemeToAgicRule(),
                new AlbHealthCheckToAgicRule(),
                new AlbListenersToAgicRule(),
                new AlbCertificateToAgicRule(),
                new AlbAttributesToAgicRule(),
                new AlbUnsupportedAnnotationsRule());
    }
}
