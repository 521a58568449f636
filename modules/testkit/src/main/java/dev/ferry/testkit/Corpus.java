package dev.ferry.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds the shared corpus of real public manifests (`../shared/corpus`), whose folders are named by side. */
public final class Corpus {

    /** The corpus folders written for AKS (see the corpus README). */
    public static final List<String> AKS_FOLDERS = List.of(
            "Azure-Samples__aks-store-demo",
            "Azure__application-gateway-kubernetes-ingress",
            "Azure__azure-workload-identity",
            "kubernetes-sigs__azuredisk-csi-driver",
            "kubernetes-sigs__azurefile-csi-driver",
            "Azure__secrets-store-csi-driver-provider-azure",
            "Azure-Samples__azure-voting-app-redis",
            "Azure__AKS-Construction",
            "Azure__aad-pod-identity",
            "Azure-Samples__aks-event-driven-replicate-from-aws",
            "Azure__karpenter-provider-azure");

    private Corpus() {
    }

    /** The corpus root from the {@code ferry.corpus} system property (set by the build), if it exists here. */
    public static Optional<Path> root() {
        String property = System.getProperty("ferry.corpus");
        if (property == null) {
            return Optional.empty();
        }
        Path root = Path.of(property);
        return Files.isDirectory(root) ? Optional.of(root) : Optional.empty();
    }
}
