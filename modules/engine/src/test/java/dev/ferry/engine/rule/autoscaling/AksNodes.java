package dev.ferry.engine.rule.autoscaling;

/** Node objects of a small AKS cluster, as {@code kubectl get nodes -o yaml} shows them, for the rule tests. */
final class AksNodes {

    private AksNodes() {
    }

    /** One AKS Node; {@code extraLabels} and {@code taints} are YAML flow fragments (may be empty). */
    static String node(String name, String pool, String mode, String size, String zone, String extraLabels,
                       String taints) {
        return """
                apiVersion: v1
                kind: Node
                metadata:
                  name: %s
                  labels: {kubernetes.azure.com/agentpool: %s, agentpool: %s, kubernetes.azure.com/mode: %s,
                    node.kubernetes.io/instance-type: %s, beta.kubernetes.io/instance-type: %s,
                    topology.kubernetes.io/zone: "%s", topology.kubernetes.io/region: westeurope,
                    kubernetes.io/os: linux, kubernetes.io/arch: amd64, kubernetes.io/hostname: %s,
                    kubernetes.azure.com/cluster: MC_shop_shop-aks_westeurope, storageprofile: managed%s}
                spec:
                  providerID: azure:///subscriptions/x/vmss/%s
                  taints: [%s]
                status:
                  capacity: {cpu: "8", memory: 32Gi}
                """.formatted(name, pool, pool, mode, size, size, zone, name,
                extraLabels.isEmpty() ? "" : ", " + extraLabels, name, taints);
    }

    static final String SYSTEM = node("aks-system-1-vmss000000", "system", "system", "Standard_D4s_v5",
            "westeurope-1", "", "{key: CriticalAddonsOnly, value: \"true\", effect: NoSchedule}")
            + "---\n" + node("aks-system-1-vmss000001", "system", "system", "Standard_D4s_v5",
            "westeurope-2", "", "{key: CriticalAddonsOnly, value: \"true\", effect: NoSchedule}");

    static final String WEB = node("aks-web-1-vmss000000", "web", "user", "Standard_D8s_v5", "westeurope-1",
            "team: web", "{key: dedicated, value: web, effect: NoSchedule}")
            + "---\n" + node("aks-web-1-vmss000001", "web", "user", "Standard_D8s_v5", "westeurope-2",
            "team: web", "{key: dedicated, value: web, effect: NoSchedule}")
            + "---\n" + node("aks-web-1-vmss000002", "web", "user", "Standard_D8s_v5", "westeurope-2",
            "team: web, kubernetes.azure.com/node-image-version: AKSUbuntu-2204gen2containerd-202405.03.0",
            "{key: dedicated, value: web, effect: NoSchedule}, "
                    + "{key: node.kubernetes.io/unschedulable, effect: NoSchedule}");

    static final String SPOT = node("aks-spot-1-vmss000000", "spot", "user", "Standard_E4s_v5", "westeurope-3",
            "kubernetes.azure.com/scalesetpriority: spot",
            "{key: kubernetes.azure.com/scalesetpriority, value: spot, effect: NoSchedule}");

    static final String CLUSTER = SYSTEM + "---\n" + WEB + "---\n" + SPOT;
}
