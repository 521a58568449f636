package dev.ferry.engine.rule.addons;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.model.KubeObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The cluster add-ons whose CustomResourceDefinitions the platform installs, by API group: a source cluster's copy of
 * such a CRD is the add-on's, not the workload's. Two kinds:
 * <ul>
 *   <li>{@link Platform#EITHER}: add-ons a prepared target runs as well, installed by its own managed add-on or Helm
 *   chart (Secrets Store CSI driver, Prometheus Operator, cert-manager, KEDA, Karpenter...). Carrying the source's
 *   copy would fight the target's installation (a server-side apply conflict on the CRD) or downgrade it.</li>
 *   <li>{@link Platform#AKS} / {@link Platform#EKS}: add-ons managed by one cloud (Azure Monitor managed Prometheus,
 *   Node Auto Provisioning, the AWS Load Balancer Controller, the VPC CNI...), which nothing on the other cloud reads;
 *   their custom resources are translated or dropped by the edge's own rules.</li>
 * </ul>
 * The list follows EDGES.md (§1.4, §2, §4, §5, §7, §8, §9 and §10) and the CRDs in the corpus.
 */
final class AddOnCrds {

    /** Where an add-on runs. */
    enum Platform { EITHER, AKS, EKS }

    /** One add-on: its name for messages, the API groups of its CRDs, the edge it belongs to and where it runs. */
    record AddOn(String name, Set<String> groups, Edge edge, Platform platform, String onTarget) {
    }

    static final List<AddOn> ADD_ONS = List.of(
            // installed by either cloud's platform tooling
            new AddOn("Secrets Store CSI driver", Set.of("secrets-store.csi.x-k8s.io"), Edge.SECRETS, Platform.EITHER,
                    "the Secrets Store CSI driver add-on (AKS `azure-keyvault-secrets-provider`, EKS "
                            + "`aws-secrets-store-csi-driver-provider` or its Helm chart)"),
            new AddOn("External Secrets Operator", Set.of("external-secrets.io", "generators.external-secrets.io"),
                    Edge.SECRETS, Platform.EITHER, "the External Secrets Operator Helm chart"),
            new AddOn("cert-manager", Set.of("cert-manager.io", "acme.cert-manager.io"), Edge.INGRESS,
                    Platform.EITHER, "the cert-manager Helm chart or add-on"),
            new AddOn("Gateway API", Set.of("gateway.networking.k8s.io"), Edge.INGRESS, Platform.EITHER,
                    "the Gateway API CRDs of the target's gateway controller"),
            new AddOn("Prometheus Operator", Set.of("monitoring.coreos.com"), Edge.MONITORING, Platform.EITHER,
                    "the Prometheus Operator (kube-prometheus-stack Helm chart)"),
            new AddOn("OpenTelemetry Operator", Set.of("opentelemetry.io"), Edge.MONITORING, Platform.EITHER,
                    "the OpenTelemetry Operator (ADOT add-on on EKS, Helm chart on AKS)"),
            new AddOn("KEDA", Set.of("keda.sh", "eventing.keda.sh"), Edge.AUTOSCALING, Platform.EITHER,
                    "KEDA (AKS add-on, Helm chart on EKS)"),
            new AddOn("Karpenter", Set.of("karpenter.sh"), Edge.AUTOSCALING, Platform.EITHER,
                    "Karpenter (the Karpenter Helm chart on EKS, Node Auto Provisioning on AKS)"),
            new AddOn("CSI snapshot controller", Set.of("snapshot.storage.k8s.io"), Edge.STORAGE, Platform.EITHER,
                    "the CSI snapshot controller (built into AKS, the `snapshot-controller` add-on on EKS)"),
            new AddOn("Velero", Set.of("velero.io"), Edge.STORAGE, Platform.EITHER,
                    "Velero (its Helm chart, or the AKS Backup extension)"),
            new AddOn("Cilium", Set.of("cilium.io"), Edge.NETWORKING, Platform.EITHER,
                    "Cilium (Azure CNI powered by Cilium on AKS, the Cilium Helm chart on EKS)"),
            new AddOn("Calico", Set.of("crd.projectcalico.org", "operator.tigera.io"), Edge.NETWORKING,
                    Platform.EITHER, "Calico (AKS network policy `calico`, the Tigera operator on EKS)"),
            // AKS-managed add-ons: nothing on EKS reads their custom resources
            new AddOn("Azure Monitor managed Prometheus", Set.of("azmonitoring.coreos.com"), Edge.MONITORING,
                    Platform.AKS, "nothing on EKS: the monitors move to `monitoring.coreos.com`"),
            new AddOn("AKS Node Auto Provisioning", Set.of("karpenter.azure.com"), Edge.AUTOSCALING, Platform.AKS,
                    "nothing on EKS: AKSNodeClasses become EC2NodeClasses"),
            new AddOn("Application Gateway for Containers", Set.of("alb.networking.azure.io"), Edge.INGRESS,
                    Platform.AKS, "nothing on EKS: the AWS Load Balancer Controller takes its place"),
            new AddOn("Application Gateway Ingress Controller", Set.of("appgw.ingress.azure.io"), Edge.INGRESS,
                    Platform.AKS, "nothing on EKS: the AWS Load Balancer Controller takes its place"),
            // EKS-managed add-ons and AWS controllers: nothing on AKS reads their custom resources
            new AddOn("AWS Load Balancer Controller", Set.of("elbv2.k8s.aws", "gateway.k8s.aws"), Edge.INGRESS,
                    Platform.EKS, "nothing on AKS: AGIC or Application Gateway for Containers takes its place"),
            new AddOn("Karpenter AWS provider", Set.of("karpenter.k8s.aws"), Edge.AUTOSCALING, Platform.EKS,
                    "nothing on AKS: EC2NodeClasses become AKS node pools or AKSNodeClasses"),
            new AddOn("EKS Auto Mode", Set.of("eks.amazonaws.com"), Edge.AUTOSCALING, Platform.EKS,
                    "nothing on AKS: node classes become AKS node pools"),
            new AddOn("Amazon VPC CNI", Set.of("crd.k8s.amazonaws.com", "vpcresources.k8s.aws",
                    "networking.k8s.aws"), Edge.NETWORKING, Platform.EKS, "nothing on AKS: Azure CNI is configured on "
                    + "the cluster"),
            new AddOn("Amazon CloudWatch Observability", Set.of("cloudwatch.aws.amazon.com"), Edge.MONITORING,
                    Platform.EKS, "nothing on AKS: Azure Monitor's agents are an AKS add-on"),
            new AddOn("ACK Amazon Managed Prometheus controller", Set.of("prometheusservice.services.k8s.aws"),
                    Edge.MONITORING, Platform.EKS, "nothing on AKS: an Azure Monitor workspace takes its place"));

    private AddOnCrds() {
    }

    /** The add-on a CustomResourceDefinition belongs to, if it is one of an add-on of this edge on the source. */
    static Optional<AddOn> addOnOf(KubeObject object, Edge edge, Direction direction) {
        if (!object.isKind("apiextensions.k8s.io", "CustomResourceDefinition")) {
            return Optional.empty();
        }
        String group = group(object);
        Platform source = direction == Direction.AKS_TO_EKS ? Platform.AKS : Platform.EKS;
        return ADD_ONS.stream()
                .filter(a -> a.edge() == edge && (a.platform() == Platform.EITHER || a.platform() == source))
                .filter(a -> a.groups().contains(group))
                .findFirst();
    }

    /** The CRD's API group: {@code spec.group}, else what follows the plural in its name. */
    static String group(KubeObject crd) {
        String group = crd.at("/spec/group").asText("");
        if (!group.isEmpty()) {
            return group;
        }
        int dot = crd.name().indexOf('.');
        return dot < 0 ? "" : crd.name().substring(dot + 1);
    }
}
