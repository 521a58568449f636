package dev.ferry.engine.rule.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.rule.EstateView;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the secrets rules share about the Secrets Store CSI driver (EDGES.md §6.1): names and volume lookups. */
final class SecretsStoreCsi {

    static final String GROUP = "secrets-store.csi.x-k8s.io";
    static final String KIND = "SecretProviderClass";
    static final String DRIVER = "secrets-store.csi.k8s.io";
    /** Label the driver puts on Secrets it syncs from {@code spec.secretObjects}. */
    static final String MANAGED_LABEL = "secrets-store.csi.k8s.io/managed";

    private SecretsStoreCsi() {
    }

    static boolean isProviderClass(KubeObject object) {
        return object.isKind(GROUP, KIND);
    }

    /** A SecretProviderClass that reads Azure Key Vault. */
    static boolean isAzureClass(KubeObject object) {
        return isProviderClass(object) && "azure".equals(object.at("/spec/provider").asText());
    }

    /** One inline CSI volume of the Secrets Store driver in a workload's pod spec. */
    record CsiVolume(KubeObject workload, String specPointer, int index, JsonNode volume) {

        String className() {
            return volume.path("csi").path("volumeAttributes").path("secretProviderClass").asText("");
        }

        /** The Secret named by {@code nodePublishSecretRef}, or empty. */
        String credentialsSecret() {
            return volume.path("csi").path("nodePublishSecretRef").path("name").asText("");
        }

        String serviceAccount() {
            return SecretsStoreCsi.serviceAccount(workload, specPointer);
        }

        String describe() {
            return workload.kind() + "/" + workload.name() + " (ServiceAccount `" + serviceAccount() + "`)";
        }
    }

    static List<CsiVolume> csiVolumes(KubeObject workload) {
        List<CsiVolume> found = new ArrayList<>();
        Optional<String> spec = PodTemplates.specPointer(workload);
        if (spec.isEmpty()) {
            return found;
        }
        JsonNode volumes = workload.at(spec.get() + "/volumes");
        for (int i = 0; i < volumes.size(); i++) {
            JsonNode volume = volumes.get(i);
            if (DRIVER.equals(volume.path("csi").path("driver").asText())) {
                found.add(new CsiVolume(workload, spec.get(), i, volume));
            }
        }
        return found;
    }

    /** Every workload volume in the namespace that mounts the named SecretProviderClass. */
    static List<CsiVolume> mounters(EstateView estate, String namespace, String className) {
        List<CsiVolume> found = new ArrayList<>();
        for (KubeObject object : estate.inNamespace(namespace)) {
            {
                csiVolumes(object).stream().filter(v -> v.className().equals(className)).forEach(found::add);
            }
        }
        return found;
    }

    /**
     * True when the volume's class reads Key Vault: the class is {@code provider: azure}, or it is not in the estate
     * (an AKS estate's classes read Key Vault unless shown otherwise).
     */
    static boolean readsKeyVault(EstateView estate, CsiVolume volume) {
        return estate.ofKind(KIND).stream()
                .filter(c -> c.isKind(GROUP, KIND) && c.namespace().equals(volume.workload().namespace())
                        && c.name().equals(volume.className()))
                .findFirst()
                .map(SecretsStoreCsi::isAzureClass)
                .orElse(true);
    }

    /** Volumes whose {@code nodePublishSecretRef} names this Secret and whose class reads Key Vault. */
    static List<CsiVolume> credentialUses(EstateView estate, KubeObject secret) {
        List<CsiVolume> found = new ArrayList<>();
        for (KubeObject object : estate.inNamespace(secret.namespace())) {
            for (CsiVolume volume : csiVolumes(object)) {
                if (volume.credentialsSecret().equals(secret.name()) && readsKeyVault(estate, volume)) {
                    found.add(volume);
                }
            }
        }
        return found;
    }

    static String serviceAccount(KubeObject workload, String specPointer) {
        JsonNode spec = workload.at(specPointer);
        String name = spec.path("serviceAccountName").asText("");
        if (name.isBlank()) {
            name = spec.path("serviceAccount").asText("");
        }
        return name.isBlank() ? "default" : name;
    }
}
