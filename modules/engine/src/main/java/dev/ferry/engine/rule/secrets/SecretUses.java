package dev.ferry.engine.rule.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.rule.EstateView;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Who uses and who writes a Secret, so the secrets rules agree on which Secrets are carried. */
final class SecretUses {

    static final String ESO_GROUP = "external-secrets.io";

    private SecretUses() {
    }

    /** True for a core-group Secret. */
    static boolean isSecret(KubeObject object) {
        return object.isKind("", "Secret");
    }

    /** Registry pull Secrets belong to the registry edge (EDGES.md §5.3). */
    static boolean isPullSecret(KubeObject secret) {
        String type = secret.at("/type").asText("");
        return type.equals("kubernetes.io/dockerconfigjson") || type.equals("kubernetes.io/dockercfg");
    }

    /**
     * Pod-spec references to the Secret other than a Secrets Store CSI {@code nodePublishSecretRef}: secret and
     * projected volumes, env and envFrom, imagePullSecrets, and other CSI drivers' credentials.
     */
    static List<String> podReferences(EstateView estate, KubeObject secret) {
        List<String> uses = new ArrayList<>();
        for (KubeObject workload : estate.inNamespace(secret.namespace())) {
            Optional<String> pointer = PodTemplates.specPointer(workload);
            if (pointer.isEmpty() || !workload.namespace().equals(secret.namespace())) {
                continue;
            }
            JsonNode spec = workload.at(pointer.get());
            String where = workload.kind() + "/" + workload.name();
            for (JsonNode volume : spec.path("volumes")) {
                boolean referenced = secret.name().equals(volume.path("secret").path("secretName").asText())
                        || (!SecretsStoreCsi.DRIVER.equals(volume.path("csi").path("driver").asText())
                        && secret.name().equals(volume.path("csi").path("nodePublishSecretRef").path("name").asText()));
                for (JsonNode source : volume.path("projected").path("sources")) {
                    referenced |= secret.name().equals(source.path("secret").path("name").asText());
                }
                if (referenced) {
                    uses.add(where + " volume `" + volume.path("name").asText() + "`");
                }
            }
            for (JsonNode pullSecret : spec.path("imagePullSecrets")) {
                if (secret.name().equals(pullSecret.path("name").asText())) {
                    uses.add(where + " imagePullSecrets");
                }
            }
            for (PodTemplates.ContainerRef container : PodTemplates.containers(workload)) {
                boolean referenced = false;
                for (JsonNode env : container.container().path("env")) {
                    referenced |= secret.name().equals(env.path("valueFrom").path("secretKeyRef").path("name").asText());
                }
                for (JsonNode envFrom : container.container().path("envFrom")) {
                    referenced |= secret.name().equals(envFrom.path("secretRef").path("name").asText());
                }
                if (referenced) {
                    uses.add(where + " container `" + container.name() + "` env");
                }
            }
        }
        return uses;
    }

    /**
     * The controller that writes this Secret on the target from an external store: a SecretProviderClass's
     * {@code secretObjects} (the CSI driver) or an ExternalSecret that owns its target; empty when none does.
     */
    static Optional<String> writer(EstateView estate, KubeObject secret) {
        for (KubeObject spc : estate.ofKind(SecretsStoreCsi.KIND, secret.namespace())) {
            if (!SecretsStoreCsi.isProviderClass(spc)) {
                continue;
            }
            for (JsonNode synced : spc.at("/spec/secretObjects")) {
                if (secret.name().equals(synced.path("secretName").asText())) {
                    return Optional.of("SecretProviderClass/" + spc.name() + " (spec.secretObjects, synced by the "
                            + "Secrets Store CSI driver while a pod mounts the class)");
                }
            }
        }
        for (KubeObject external : estate.ofKind("ExternalSecret", secret.namespace())) {
            if (!external.isKind(ESO_GROUP, "ExternalSecret")) {
                continue;
            }
            String target = external.at("/spec/target/name").asText("");
            String policy = external.at("/spec/target/creationPolicy").asText("Owner");
            if (secret.name().equals(target.isBlank() ? external.name() : target)
                    && (policy.equals("Owner") || policy.equals("Orphan"))) {
                return Optional.of("ExternalSecret/" + external.name() + " (External Secrets Operator creates it)");
            }
        }
        if ("true".equals(secret.labels().get(SecretsStoreCsi.MANAGED_LABEL))) {
            return Optional.of("the Secrets Store CSI driver (label `" + SecretsStoreCsi.MANAGED_LABEL + "`)");
        }
        return Optional.empty();
    }

    /** True when a secrets rule drops this Secret: a controller writes it, or it only held Key Vault credentials. */
    static boolean droppedBySecretsRules(EstateView estate, KubeObject secret) {
        if (isPullSecret(secret)) {
            return false;
        }
        if (writer(estate, secret).isPresent()) {
            return true;
        }
        return !SecretsStoreCsi.credentialUses(estate, secret).isEmpty() && podReferences(estate, secret).isEmpty();
    }
}
