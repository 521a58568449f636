package dev.ferry.engine.rule.registry;

import dev.ferry.engine.rule.EstateView;
import dev.ferry.model.KubeObject;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Decides whether a named pull secret is one for Azure Container Registry. */
final class PullSecrets {

    private PullSecrets() {
    }

    /** True for a dockerconfigjson/dockercfg Secret whose registries are all ACR. */
    static boolean isAcrPullSecret(KubeObject secret) {
        String type = secret.body().path("type").asText();
        if (!type.equals("kubernetes.io/dockerconfigjson") && !type.equals("kubernetes.io/dockercfg")) {
            return false;
        }
        String registries = secret.observed().getOrDefault("registries", "");
        if (registries.isEmpty()) {
            return looksLikeAcrName(secret.name());
        }
        return Arrays.stream(registries.split(",")).allMatch(host -> host.contains(".azurecr."));
    }

    /**
     * Whether a reference from a pod spec names an ACR pull secret: the Secret is in the estate and is one, or it is
     * not in the estate (manifests often leave it out) and its name says ACR while the pod pulls from ACR.
     */
    static boolean refersToAcr(String secretName, String namespace, EstateView estate, boolean podPullsFromAcr) {
        Optional<KubeObject> secret = estate.find("Secret", namespace, secretName);
        if (secret.isPresent()) {
            return isAcrPullSecret(secret.get());
        }
        return podPullsFromAcr && looksLikeAcrName(secretName);
    }

    private static boolean looksLikeAcrName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("acr") || lower.contains("azurecr");
    }
}
