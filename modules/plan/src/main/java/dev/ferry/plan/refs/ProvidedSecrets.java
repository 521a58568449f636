package dev.ferry.plan.refs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Secrets that controllers create on the target from objects of the estate, so a reference to one resolves to the
 * object that makes it: the Secrets Store CSI driver syncs a SecretProviderClass's {@code secretObjects} once a pod
 * mounts it, and External Secrets writes an ExternalSecret's {@code spec.target.name} (default: its own name).
 */
public final class ProvidedSecrets {

    private ProvidedSecrets() {
    }

    /** Secret key → the object that provides it. */
    public static Map<ResourceKey, ResourceKey> of(Collection<KubeObject> estate) {
        Map<ResourceKey, ResourceKey> provided = new HashMap<>();
        for (KubeObject object : estate) {
            if (object.isKind("secrets-store.csi.x-k8s.io", "SecretProviderClass")) {
                for (JsonNode secretObject : object.at("/spec/secretObjects")) {
                    String name = secretObject.path("secretName").asText("");
                    if (!name.isEmpty()) {
                        provided.putIfAbsent(secret(object, name), object.key());
                    }
                }
            } else if (object.isKind("external-secrets.io", "ExternalSecret")) {
                String name = object.at("/spec/target/name").asText(object.name());
                provided.putIfAbsent(secret(object, name.isEmpty() ? object.name() : name), object.key());
            }
        }
        return provided;
    }

    private static ResourceKey secret(KubeObject provider, String name) {
        return ResourceKey.of("v1", "Secret", provider.namespace(), name);
    }
}
