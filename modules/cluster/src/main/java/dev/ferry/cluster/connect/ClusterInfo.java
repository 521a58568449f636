package dev.ferry.cluster.connect;

/**
 * Who and where a connection is: the kubeconfig context, the server URL, the Kubernetes version the server reports
 * and the kubeconfig user entry the context uses. Holds no credential.
 */
public record ClusterInfo(String context, String server, String kubernetesVersion, String user) {

    @Override
    public String toString() {
        return "`" + context + "` (" + server + ", Kubernetes " + kubernetesVersion + ", user " + user + ")";
    }
}
