package dev.ferry.cluster.connect;

import dev.ferry.cluster.config.KubeContext;
import dev.ferry.cluster.connect.ClusterException.Reason;
import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks that the files a context's cluster and user name (certificate authority, client certificate and key, token
 * file) exist, before fabric8 tries them: fabric8 fails with a bare {@code NoSuchFileException}, or ignores a
 * missing token file and connects without credentials. Relative paths are resolved against the kubeconfig that
 * names them, as kubectl does. Names paths only, never their content.
 */
final class FileReferences {

    private FileReferences() {
    }

    static void check(List<Path> files, List<Config> parsed, KubeContext context) throws ClusterException {
        for (int i = 0; i < parsed.size(); i++) {
            Config config = parsed.get(i);
            Cluster cluster = cluster(config, context.cluster());
            if (cluster != null) {
                exists(files.get(i), "certificate-authority", cluster.getCertificateAuthority(), context);
                break;
            }
        }
        for (int i = 0; i < parsed.size(); i++) {
            AuthInfo user = user(parsed.get(i), context.user());
            if (user != null) {
                exists(files.get(i), "client-certificate", user.getClientCertificate(), context);
                exists(files.get(i), "client-key", user.getClientKey(), context);
                exists(files.get(i), "tokenFile", user.getTokenFile(), context);
                break;
            }
        }
    }

    private static void exists(Path kubeconfig, String field, String reference, KubeContext context)
            throws ClusterException {
        if (reference == null || reference.isBlank()) {
            return;
        }
        Path file = Path.of(reference);
        if (!file.isAbsolute() && kubeconfig.toAbsolutePath().getParent() != null) {
            file = kubeconfig.toAbsolutePath().getParent().resolve(file);
        }
        if (!Files.isRegularFile(file)) {
            throw new ClusterException(Reason.CONFIGURATION, "Kubeconfig `" + kubeconfig + "` names `" + file
                    + "` as the " + field + " of context `" + context.name() + "`, and that file does not exist. "
                    + "Fix the path, or fetch the kubeconfig again (`az aks get-credentials`, `aws eks "
                    + "update-kubeconfig`).");
        }
    }

    private static Cluster cluster(Config config, String name) {
        if (config.getClusters() != null) {
            for (NamedCluster cluster : config.getClusters()) {
                if (name.equals(cluster.getName()) && cluster.getCluster() != null) {
                    return cluster.getCluster();
                }
            }
        }
        return null;
    }

    private static AuthInfo user(Config config, String name) {
        if (config.getUsers() != null) {
            for (NamedAuthInfo user : config.getUsers()) {
                if (name.equals(user.getName()) && user.getUser() != null) {
                    return user.getUser();
                }
            }
        }
        return null;
    }
}
