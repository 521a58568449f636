package dev.ferry.engine.rule.registry;

import dev.ferry.engine.rule.EstateView;
import dev.ferry.model.KubeObject;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Decides whether a named pull secret is one for Amazon ECR (EDGES.md §5.3). */
final class EcrPullSecrets {

    private EcrPullSecrets() {
    }

    /** True for a dockerconfigjson/dockercfg Secret whose registries are all ECR. */
    static boolean isEcrPullSecret(KubeObject secret) {
        String type = secret.body().path("type").asText();
        if (!type.equals("kubernetes.io/dockerconfigjson") && !type.equals("kubernetes.io/dockercfg")) {
            return false;
        }
        String registries = secret.observed().getOrDefault("registries", "");
        if (registries.isEmpty()) {
            return looksLikeEcrName(secret.name());
        }
        return Arrays.stream(registries.split(",")).allMatch(host -> host.contains(".dkr.ecr"));
    }

    /**
     * Whether a reference names an ECR pull secret: the Secret is in the estate and is one, or it is not in the estate
     * and its name says ECR while the pod pulls from ECR.
     */
    static boolean refersToEcr(String secretName, String namespace, EstateView estate, boolean podPullsFromEcr) {
        Optional<KubeObject> secret = estate.find("Secret", namespace, secretName);
        if (secret.isPresent()) {
            return isEcrPullSecret(secret.get());
        }
        return podPullsFromEcr && looksLikeEcrName(secretName);
    }

    private static boolean looksLikeEcrName(String name) {
        return name.toLowerCase(Locale.ROOT).contains("ecr");
    }
}
