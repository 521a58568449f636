package dev.ferry.engine.rule.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Finding;
import dev.ferry.engine.settings.MigrationSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps an Azure Files StorageClass (SMB or NFS) to an EFS CSI dynamic-provisioning class (EDGES.md §4.7): one access
 * point per volume on the file system of {@code storage.efsFileSystemId}, owner from the SMB {@code uid}/{@code gid}
 * mount options, and only the mount options that mean something on NFS.
 */
final class EfsClassMapping {

    static final String FILE_SYSTEM_SETTING = "storage.efsFileSystemId";

    /** NFS client options that keep their meaning on EFS; everything else (SMB/CIFS options) is dropped. */
    private static final Set<String> NFS_OPTIONS = Set.of("nconnect", "rsize", "wsize", "hard", "soft", "timeo",
            "retrans", "noresvport", "actimeo", "acregmin", "acregmax", "acdirmin", "acdirmax", "noac", "lookupcache",
            "ro", "rw", "nosuid", "nodev", "noexec", "noatime", "relatime", "tls", "iam");

    /** Azure Files keys with no EFS meaning, dropped with an info note. */
    private static final Set<String> DROPPED = Set.of("location", "resourceGroup", "subscriptionID",
            "networkEndpointType", "enableLargeFileShares", "shareAccessTier", "provisionedIOPS",
            "provisionedBandwidth",
            "accountQuota", "tags", "matchTags", "selectRandomMatchingAccount", "storageEndpointSuffix",
            "disableDeleteRetentionPolicy", "allowBlobPublicAccess", "requireInfraEncryption", "publicNetworkAccess",
            "storeAccountKey", "getLatestAccountKey", "secretName", "secretNamespace", "useDataPlaneAPI",
            "enableMultichannel", "clientID", "allowSharedKeyAccess", "rootSquashType", "mountPermissions",
            "encryptInTransit", "vnetResourceGroup", "vnetName", "subnetName", "vnetLinkName", "fsGroupChangePolicy",
            "shareNamePrefix", "folderName", "createFolderIfNotExist", "skuName", "storageAccountType", "protocol");

    private EfsClassMapping() {
    }

    static ClassTranslation translate(String className, JsonNode source, MigrationSettings settings) {
        AzureParameters azure = new AzureParameters(source.path("parameters"));
        List<Finding> findings = new ArrayList<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("provisioningMode", "efs-ap");
        settings.text(FILE_SYSTEM_SETTING).ifPresentOrElse(
                id -> parameters.put("fileSystemId", id),
                () -> findings.add(Finding.missingSetting(FILE_SYSTEM_SETTING, "EFS class `" + className + "` needs "
                        + "the file system its access points are created on. Create an EFS file system with mount "
                        + "targets in the cluster's subnets and set " + FILE_SYSTEM_SETTING + " to its id "
                        + "(fs-...); until then the class has no `fileSystemId` (EDGES.md §4.7).")));
        parameters.put("directoryPerms", "700");

        String protocol = azure.get("protocol");
        boolean smb = protocol == null || !protocol.equalsIgnoreCase("nfs");
        List<String> kept = new ArrayList<>();
        List<String> droppedOptions = new ArrayList<>();
        for (JsonNode option : source.path("mountOptions")) {
            String text = option.asText().strip();
            String name = text.contains("=") ? text.substring(0, text.indexOf('=')) : text;
            String value = text.contains("=") ? text.substring(text.indexOf('=') + 1) : "";
            if ((name.equals("uid") || name.equals("gid")) && value.matches("[0-9]+")) {
                parameters.put(name, value);
            } else if (NFS_OPTIONS.contains(name.toLowerCase(Locale.ROOT))) {
                kept.add(text);
            } else {
                droppedOptions.add(text);
            }
        }
        if (parameters.containsKey("uid") || parameters.containsKey("gid")) {
            findings.add(Finding.info("The SMB mount owner (uid/gid mount options) becomes the access point's POSIX "
                    + "owner (`uid`/`gid` parameters); every pod then reads and writes as that user (EDGES.md §4.2, "
                    + "§4.7)."));
        }
        if (!droppedOptions.isEmpty()) {
            findings.add(Finding.warning("Mount options with no meaning on NFS dropped: "
                    + String.join(", ", droppedOptions) + ". EFS enforces the access point's owner and "
                    + "directoryPerms \"700\" instead of SMB modes; check that the application does not depend on "
                    + "them (EDGES.md §4.2)."));
        }
        if (smb) {
            findings.add(Finding.warning("These were SMB shares; EFS is NFSv4.1 for Linux pods only. Windows pods "
                    + "cannot mount it (Amazon FSx for Windows File Server is the SMB option, not created by Ferry), "
                    + "and SMB byte-range locks and case-insensitive names behave differently (EDGES.md §4.1)."));
        }
        String sku = azure.get("skuName", "storageAccountType");
        if (sku != null && sku.toLowerCase(Locale.ROOT).startsWith("premium")) {
            findings.add(Finding.info("Premium file shares: EFS performance is a file-system setting (throughput "
                    + "mode, e.g. elastic), not a class parameter; choose it when creating the file system "
                    + "(EDGES.md §4.7)."));
        }
        String share = azure.get("shareName");
        String account = azure.get("storageAccount", "server");
        if (share != null || account != null) {
            findings.add(Finding.warning("This class reused an existing " + (share != null ? "share `" + share + "`"
                    : "storage account `" + account + "`") + ". On EFS each claim gets its own access point "
                    + "directory, so data that lived in the shared location must be copied into the new volumes "
                    + "(EDGES.md §4.4, §4.7)."));
        }
        String fsType = azure.get("fsType", "diskName");
        if (fsType != null) {
            findings.add(Finding.warning("This class formatted a disk image on the share (`fsType`/`diskName`); EFS "
                    + "serves files over NFS only. If the workload needs a block file system, use an EBS class "
                    + "instead (EDGES.md §4.4, §4.12)."));
        }
        var secrets = azure.dropPrefixed("csi.storage.k8s.io/", "secret");
        if (!secrets.isEmpty()) {
            findings.add(Finding.warning("Storage-account key Secret references dropped (" + String.join(", ", secrets)
                    + "): the EFS CSI driver authenticates with its IAM role, so those Secrets are not needed on EKS "
                    + "(EDGES.md §4.4, §4.7)."));
        }
        Set<String> known = azure.drop(DROPPED);
        Set<String> unknown = azure.unused();
        if (!known.isEmpty()) {
            findings.add(Finding.info("Azure Files parameters dropped: " + String.join(", ", known)
                    + " (no EFS class equivalent; capacity requests are ignored because EFS is elastic; "
                    + "EDGES.md §4.4, §4.7)."));
        }
        if (!unknown.isEmpty()) {
            findings.add(Finding.warning("Parameters not known to Ferry dropped: " + String.join(", ", unknown)
                    + ". Check whether the EFS class needs an equivalent (EDGES.md §4.7)."));
        }
        List<String> mountOptions = source.path("mountOptions").isArray() ? kept : null;
        return new ClassTranslation(StorageFamily.EFS_DRIVER, parameters, mountOptions, null, findings,
                "Azure Files (" + (smb ? "SMB" : "NFS") + ") → EFS access points",
                "EDGES.md §4.1: Azure Files classes map to the EFS CSI driver `efs.csi.aws.com` (NFSv4.1, "
                        + "ReadWriteMany like Azure Files, §4.12); §4.7: dynamic provisioning creates one access "
                        + "point per volume (`provisioningMode: efs-ap`) on an existing file system.");
    }
}
