package dev.ferry.engine.rule.storage;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * The StorageClasses every AKS cluster has without a manifest defining them (EDGES.md §4.2), as source-shaped
 * bodies so a claim that names one is translated exactly like a class the estate defines.
 */
final class AksBuiltInClasses {

    static final String DEFAULT_CLASS = "default";
    static final String DEFAULT_ANNOTATION = "storageclass.kubernetes.io/is-default-class";

    /** name → provisioner, skuName, protocol (or null), binding mode. */
    private record BuiltIn(String provisioner, String sku, String protocol, String bindingMode) {
    }

    private static final String WFFC = "WaitForFirstConsumer";
    private static final String IMMEDIATE = "Immediate";

    private static final Map<String, BuiltIn> CLASSES = Map.ofEntries(
            Map.entry(DEFAULT_CLASS, new BuiltIn(StorageFamily.DISK_DRIVER, "StandardSSD_LRS", null, WFFC)),
            Map.entry("managed-csi", new BuiltIn(StorageFamily.DISK_DRIVER, "StandardSSD_LRS", null, WFFC)),
            Map.entry("managed-csi-premium", new BuiltIn(StorageFamily.DISK_DRIVER, "Premium_LRS", null, WFFC)),
            Map.entry("managed-csi-premium-v2", new BuiltIn(StorageFamily.DISK_DRIVER, "PremiumV2_LRS", null, WFFC)),
            // legacy names kept for compatibility; §4.2 did not re-verify `managed`, and Standard HDD and Standard
            // SSD both map to gp3, so the assumption cannot change the result
            Map.entry("managed", new BuiltIn(StorageFamily.DISK_DRIVER, "StandardSSD_LRS", null, WFFC)),
            Map.entry("managed-premium", new BuiltIn(StorageFamily.DISK_DRIVER, "Premium_LRS", null, WFFC)),
            Map.entry("azurefile-csi", new BuiltIn(StorageFamily.FILE_DRIVER, "Standard_LRS", null, IMMEDIATE)),
            Map.entry("azurefile-csi-premium", new BuiltIn(StorageFamily.FILE_DRIVER, "Premium_LRS", null, IMMEDIATE)),
            Map.entry("azurefile", new BuiltIn(StorageFamily.FILE_DRIVER, "Standard_LRS", null, IMMEDIATE)),
            Map.entry("azurefile-premium", new BuiltIn(StorageFamily.FILE_DRIVER, "Premium_LRS", null, IMMEDIATE)),
            Map.entry("azureblob-fuse-premium", new BuiltIn(StorageFamily.BLOB_DRIVER, "Premium_LRS", null, IMMEDIATE)),
            Map.entry("azureblob-nfs-premium",
                    new BuiltIn(StorageFamily.BLOB_DRIVER, "Premium_LRS", "nfs", IMMEDIATE)));

    private AksBuiltInClasses() {
    }

    static boolean isBuiltIn(String name) {
        return CLASSES.containsKey(name);
    }

    /** The built-in class as a StorageClass body, as AKS creates it. */
    static Optional<ObjectNode> body(String name) {
        BuiltIn builtIn = CLASSES.get(name);
        if (builtIn == null) {
            return Optional.empty();
        }
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode body = json.objectNode();
        body.put("apiVersion", "storage.k8s.io/v1");
        body.put("kind", "StorageClass");
        ObjectNode metadata = body.putObject("metadata");
        metadata.put("name", name);
        if (name.equals(DEFAULT_CLASS)) {
            metadata.putObject("annotations").put(DEFAULT_ANNOTATION, "true");
        }
        body.put("provisioner", builtIn.provisioner());
        ObjectNode parameters = body.putObject("parameters");
        parameters.put("skuName", builtIn.sku());
        if (builtIn.protocol() != null) {
            parameters.put("protocol", builtIn.protocol());
        }
        body.put("reclaimPolicy", "Delete");
        body.put("allowVolumeExpansion", true);
        body.put("volumeBindingMode", builtIn.bindingMode());
        return Optional.of(body);
    }
}
