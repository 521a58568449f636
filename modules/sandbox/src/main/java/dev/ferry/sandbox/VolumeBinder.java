package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Plays the volume controller and a CSI provisioner for the readiness simulator: a pending claim gets a
 * PersistentVolume of its size, access modes and StorageClass (driver, reclaim policy; the default class when the
 * claim names none), and both are bound the way the controller writes it (volume name, bind annotations, Bound
 * phase and capacity). Binding mode {@code WaitForFirstConsumer} is not waited for: there are no Pods. A deleted
 * claim takes its volume with it unless the volume is retained.
 */
final class VolumeBinder {

    private static final String CONTROLLER = "kube-controller-manager";

    private final ResourceCatalog catalog;
    private final ObjectStore store;
    private final WriteHandler writes;

    VolumeBinder(ResourceCatalog catalog, ObjectStore store, WriteHandler writes) {
        this.catalog = catalog;
        this.store = store;
        this.writes = writes;
    }

    /** Provisions a volume for the claim (as its StorageClass's CSI driver would) and binds the two. */
    void bind(ResourceType claims, ObjectNode claim) {
        ResourceType volumes = catalog.byKind("v1", "PersistentVolume").orElseThrow();
        ResourceType classes = catalog.byKind("storage.k8s.io/v1", "StorageClass").orElseThrow();
        JsonNode spec = claim.path("spec");
        String className = spec.path("storageClassName").asText("");
        Optional<ObjectNode> storageClass = className.isEmpty()
                ? store.list(classes, null).stream().filter(sc -> sc.path("metadata").path("annotations")
                        .path("storageclass.kubernetes.io/is-default-class").asText().equals("true")).findFirst()
                : store.get(classes, null, className);
        if (className.isEmpty() && storageClass.isPresent()) {
            className = storageClass.get().path("metadata").path("name").asText();
        }
        String driver = storageClass.map(sc -> sc.path("provisioner").asText()).orElse("csi.sandbox.ferry.dev");
        String uid = claim.path("metadata").path("uid").asText();
        String namespace = claim.path("metadata").path("namespace").asText();
        String claimName = claim.path("metadata").path("name").asText();
        String volumeName = spec.path("volumeName").asText("");
        if (volumeName.isEmpty()) {
            volumeName = "pvc-" + uid;
        }
        String storage = spec.path("resources").path("requests").path("storage").asText("1Gi");
        if (store.get(volumes, null, volumeName).isEmpty()) {
            ObjectNode volume = ObjectStore.JSON.createObjectNode().put("apiVersion", "v1")
                    .put("kind", "PersistentVolume");
            ObjectNode metadata = volume.putObject("metadata").put("name", volumeName);
            metadata.putObject("annotations").put("pv.kubernetes.io/provisioned-by", driver)
                    .put("volume.kubernetes.io/provisioner-deletion-secret-name", "")
                    .put("volume.kubernetes.io/provisioner-deletion-secret-namespace", "");
            ObjectNode volumeSpec = volume.putObject("spec");
            volumeSpec.putObject("capacity").put("storage", storage);
            volumeSpec.set("accessModes", spec.path("accessModes").deepCopy());
            volumeSpec.putObject("claimRef").put("apiVersion", "v1").put("kind", "PersistentVolumeClaim")
                    .put("namespace", namespace).put("name", claimName).put("uid", uid)
                    .put("resourceVersion", claim.path("metadata").path("resourceVersion").asText());
            volumeSpec.putObject("csi").put("driver", driver)
                    .put("volumeHandle", volumeHandle(driver, volumeName));
            volumeSpec.put("persistentVolumeReclaimPolicy", storageClass
                    .map(sc -> sc.path("reclaimPolicy").asText("Delete")).orElse("Delete"));
            volumeSpec.put("storageClassName", className)
                    .put("volumeMode", spec.path("volumeMode").asText("Filesystem"));
            volume.putObject("status").put("phase", "Bound");
            writes.load(volumes, volume, CONTROLLER);
        }
        ObjectNode bound = claim.deepCopy();
        ManagedFields.child(bound, "spec").put("volumeName", volumeName);
        if (!className.isEmpty()) {
            ManagedFields.child(bound, "spec").put("storageClassName", className);
        }
        ManagedFields.child(ManagedFields.child(bound, "metadata"), "annotations")
                .put("pv.kubernetes.io/bind-completed", "yes").put("pv.kubernetes.io/bound-by-controller", "yes")
                .put("volume.beta.kubernetes.io/storage-provisioner", driver)
                .put("volume.kubernetes.io/storage-provisioner", driver);
        ObjectNode stored = writes.controllerWrite(claims, claim, bound, false, CONTROLLER);
        ObjectNode withStatus = stored.deepCopy();
        ObjectNode status = withStatus.putObject("status").put("phase", "Bound");
        status.set("accessModes", spec.path("accessModes").deepCopy());
        status.putObject("capacity").put("storage", storage);
        writes.controllerWrite(claims, stored, withStatus, true, CONTROLLER);
    }

    /** Deletes the volume of a deleted claim, unless its reclaim policy retains it. */
    void release(ObjectNode claim) {
        String volume = claim.path("spec").path("volumeName").asText("");
        ResourceType volumes = catalog.byKind("v1", "PersistentVolume").orElseThrow();
        if (!volume.isEmpty()) {
            store.get(volumes, null, volume)
                    .filter(pv -> !pv.path("spec").path("persistentVolumeReclaimPolicy").asText().equals("Retain"))
                    .ifPresent(pv -> writes.remove(volumes, pv));
        }
    }

    private static String volumeHandle(String driver, String volumeName) {
        return switch (driver) {
            case "disk.csi.azure.com" -> "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
                    + "mc_sandbox_westeurope/providers/Microsoft.Compute/disks/" + volumeName;
            case "file.csi.azure.com" -> "mc_sandbox_westeurope#sandboxfiles#" + volumeName + "###sandbox";
            case "ebs.csi.aws.com" -> "vol-0" + Integer.toHexString(volumeName.hashCode() & 0x7fffffff);
            default -> volumeName;
        };
    }
}
