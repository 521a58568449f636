package dev.ferry.model.sanitize;

import java.util.Map;

/**
 * Namespaces the cloud or the cluster itself owns. Their objects are recreated by the target's own add-ons, so they
 * are never migrated. The value is the reason shown to the user.
 */
final class SystemNamespaces {

    static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("kube-system", "cluster system namespace; the target cluster has its own"),
            Map.entry("kube-public", "cluster system namespace; the target cluster has its own"),
            Map.entry("kube-node-lease", "node heartbeat leases; the target's nodes write their own"),
            Map.entry("gatekeeper-system", "Azure Policy add-on; use the target cloud's policy tooling"),
            Map.entry("app-routing-system", "AKS application routing add-on (managed NGINX)"),
            Map.entry("aks-command", "AKS run-command add-on"),
            Map.entry("aks-istio-system", "AKS managed Istio add-on"),
            Map.entry("aks-istio-ingress", "AKS managed Istio add-on"),
            Map.entry("aks-istio-egress", "AKS managed Istio add-on"),
            Map.entry("calico-system", "network policy engine installed with the cluster"),
            Map.entry("tigera-operator", "network policy engine installed with the cluster"),
            Map.entry("azure-arc", "Azure Arc agents"),
            Map.entry("dataprotection-microsoft", "AKS backup extension"),
            Map.entry("amazon-cloudwatch", "EKS CloudWatch observability add-on"),
            Map.entry("amazon-guardduty", "EKS GuardDuty agent add-on"),
            Map.entry("aws-observability", "EKS Fargate logging configuration"));

    private SystemNamespaces() {
    }
}
