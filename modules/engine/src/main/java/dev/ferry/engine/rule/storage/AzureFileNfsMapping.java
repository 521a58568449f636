package dev.ferry.engine.rule.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps an EFS StorageClass to Azure Files NFS Premium (EDGES.md §4.4, §4.7, §10.1): {@code protocol: nfs},
 * {@code skuName: Premium_LRS}; the access-point directory mode becomes {@code mountPermissions}; access-point owner
 * ids, base paths and the file system id become findings; EFS-only mount options ({@code tls}, {@code iam}) are
 * removed.
 */
final class AzureFileNfsMapping {

    private static final Set<String> EFS_MOUNT_OPTIONS = Set.of("tls", "iam");
    private static final Set<String> DROPPED = Set.of("provisioningMode", "reuseAccessPoint", "enableTagging",
            "ensureUniqueDirectory", "az", "enforceZoneAffinity", "gidRangeStart", "gidRangeEnd");

    private AzureFileNfsMapping() {
    }

    static ClassTranslation translate(JsonNode source, List<Double> claimSizes) {
        Map<String, String> efs = new LinkedHashMap<>();
        source.path("parameters").fields().forEachRemaining(e -> efs.put(e.getKey(), e.getValue().asText()));
        List<Finding> findings = new ArrayList<>();
        Map<String, String> azure = new LinkedHashMap<>();
        azure.put("protocol", "nfs");
        azure.put("skuName", "Premium_LRS");
        String perms = efs.get("directoryPerms");
        if (perms != null && perms.strip().matches("[0-7]{3,4}")) {
            azure.put("mountPermissions", perms.strip().length() == 3 ? "0" + perms.strip() : perms.strip());
        }
        String fs = efs.getOrDefault("fileSystemId", efs.getOrDefault("fileSystemIdConfigRef",
                efs.get("fileSystemIdSecretRef")));
        if (fs != null) {
            findings.add(Finding.info("Each claim gets its own Azure file share instead of an access point on EFS "
                    + "file system `" + fs + "`; data stored there must be copied (EDGES.md §4.7, §10.2)."));
        }
        if (efs.containsKey("uid") || efs.containsKey("gid")) {
            findings.add(Finding.actionRequired("The EFS access points forced owner uid " + efs.getOrDefault("uid", "-")
                    + " / gid " + efs.getOrDefault("gid", "-") + "; Azure Files NFS has no per-volume owner. Set "
                    + "`securityContext.fsGroup`/`runAsUser` in the pods, or `rootSquashType` on the class, so the "
                    + "pods can still write (EDGES.md §4.4, §4.7)."));
        }
        if (efs.containsKey("basePath") || efs.containsKey("subPathPattern")) {
            findings.add(Finding.info("`basePath`/`subPathPattern` placed each volume in a directory of one EFS file "
                    + "system; Azure Files creates a share per claim (use `shareNamePrefix` or `folderName` if the "
                    + "layout matters)."));
        }
        TreeSet<String> dropped = new TreeSet<>();
        TreeSet<String> unknown = new TreeSet<>();
        efs.keySet().forEach(k -> {
            if (DROPPED.contains(k)) {
                dropped.add(k);
            } else if (!Set.of("directoryPerms", "fileSystemId", "fileSystemIdConfigRef", "fileSystemIdSecretRef",
                    "uid", "gid", "basePath", "subPathPattern").contains(k)) {
                unknown.add(k);
            }
        });
        if (!dropped.isEmpty()) {
            findings.add(Finding.info("EFS-only parameters dropped: " + dropped + " (EDGES.md §4.7)."));
        }
        if (!unknown.isEmpty()) {
            findings.add(Finding.warning("Parameters not known to Ferry dropped: " + unknown + "."));
        }
        double smallest = claimSizes.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        findings.add(Finding.warning("EFS ignores claim sizes and is elastic; an Azure Files premium share is "
                + "provisioned (and billed, and performs) at the requested size, minimum 100 GiB"
                + (Double.isNaN(smallest) ? "" : "; the smallest claim of this class asks " + smallest + " GiB")
                + ". Set realistic `resources.requests.storage` on the claims (EDGES.md §4.4)."));
        List<String> mountOptions = null;
        if (source.path("mountOptions").isArray()) {
            mountOptions = new ArrayList<>();
            for (JsonNode option : source.path("mountOptions")) {
                String text = option.asText();
                if (!EFS_MOUNT_OPTIONS.contains(text) && !text.startsWith("accesspoint=")) {
                    mountOptions.add(text);
                }
            }
        }
        return new ClassTranslation(StorageFamily.FILE_DRIVER, azure, mountOptions, null, findings,
                "EFS → Azure Files NFS (Premium_LRS)",
                "EDGES.md §4.1/§10.1: EFS classes map to the Azure Files CSI driver `file.csi.azure.com`; NFS needs "
                        + "the Premium tier (§4.4), which keeps EFS's NFSv4.1 semantics and ReadWriteMany (§4.12).");
    }
}
