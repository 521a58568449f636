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
import java.util.TreeSet;

/**
 * Maps EBS StorageClass parameters to Azure Disk CSI parameters, by the reverse tier table of EDGES.md §4.8: gp3 and
 * io1/io2 → Premium SSD v2 with {@code DiskIOPSReadWrite}/{@code DiskMBpsReadWrite} (or Premium SSD when
 * {@code storage.premiumV2} is false), gp2 → Standard SSD, st1/sc1/standard → Standard HDD; customer-managed KMS keys
 * → a disk encryption set; tags, file system type kept; formatting options dropped with notes.
 */
final class AzureDiskClassMapping {

    static final String PREMIUM_V2_SETTING = "storage.premiumV2";
    static final String DES_SETTING = "storage.diskEncryptionSetId";
    static final int V2_BASE_IOPS = 3_000;
    static final int V2_BASE_MBPS = 125;
    static final int V2_MAX_IOPS = 80_000;
    static final int V2_MAX_MBPS = 1_200;

    private static final Set<String> DROPPED = Set.of("iopspergb", "allowautoiopspergbincrease",
            "allowautoiopsincreaseonmodify", "blocksize", "inodesize", "bytesperinode", "numberofinodes",
            "ext4bigalloc", "ext4clustersize", "ext4encryptionsupport", "volumeinitializationrate");

    private AzureDiskClassMapping() {
    }

    static ClassTranslation translate(JsonNode source, MigrationSettings settings) {
        Map<String, String> ebs = new LinkedHashMap<>();
        source.path("parameters").fields().forEachRemaining(e -> ebs.put(e.getKey().toLowerCase(Locale.ROOT),
                e.getValue().asText()));
        boolean inTree = EksStorageClasses.EBS_IN_TREE.equals(source.path("provisioner").asText());
        String type = ebs.getOrDefault("type", inTree ? "gp2" : "gp3").strip().toLowerCase(Locale.ROOT);
        boolean v2 = !"false".equalsIgnoreCase(settings.text(PREMIUM_V2_SETTING, "true").strip());
        List<Finding> findings = new ArrayList<>();
        Map<String, String> azure = new LinkedHashMap<>();
        String sku;
        switch (type) {
            case "gp3", "io1", "io2" -> {
                int iops = integer(ebs.get("iops"), type.equals("gp3") ? V2_BASE_IOPS : -1);
                if (iops < 0) {
                    iops = V2_BASE_IOPS;
                    findings.add(Finding.warning(type + " without `iops` (or with `iopsPerGB`, which Azure has no "
                            + "counterpart for) was given Premium SSD v2's baseline " + V2_BASE_IOPS + " IOPS; set "
                            + "`DiskIOPSReadWrite` to what the volumes need (EDGES.md §4.8)."));
                }
                int mbps = integer(ebs.get("throughput"), V2_BASE_MBPS);
                if (v2 && iops > V2_MAX_IOPS) {
                    sku = "UltraSSD_LRS";
                    azure.put("skuName", sku);
                    azure.put("DiskIOPSReadWrite", String.valueOf(iops));
                    azure.put("cachingMode", "None");
                    findings.add(Finding.actionRequired(iops + " IOPS is above Premium SSD v2's " + V2_MAX_IOPS
                            + "; mapped to Ultra Disk, which needs node pools created with `--enable-ultra-ssd` "
                            + "and VM sizes that support it (EDGES.md §4.8)."));
                } else if (v2) {
                    sku = "PremiumV2_LRS";
                    azure.put("skuName", sku);
                    azure.put("DiskIOPSReadWrite", String.valueOf(iops));
                    azure.put("DiskMBpsReadWrite", String.valueOf(Math.min(mbps, V2_MAX_MBPS)));
                    azure.put("cachingMode", "None");
                    if (mbps > V2_MAX_MBPS) {
                        findings.add(Finding.warning(mbps + " MiB/s is above Premium SSD v2's " + V2_MAX_MBPS
                                + " MB/s; capped."));
                    }
                    findings.add(Finding.warning("Premium SSD v2 is offered in some regions and zones only, cannot be "
                            + "an OS disk and needs `cachingMode: None`. If the AKS region lacks it, set `"
                            + PREMIUM_V2_SETTING + ": false` (Premium SSD, sized by P-tier) or map the class to "
                            + "`managed-csi-premium` in storage.classMap (EDGES.md §4.8)."));
                } else {
                    sku = "Premium_LRS";
                    azure.put("skuName", sku);
                    if (iops > V2_BASE_IOPS || mbps > V2_BASE_MBPS) {
                        findings.add(Finding.warning("Premium SSD performance follows disk size (P-tier, EDGES.md "
                                + "§4.9): " + iops + " IOPS / " + mbps + " MiB/s needs disks of at least the tier "
                                + "that provides it (e.g. P30 = 1 TiB for 5,000 IOPS), or `enableBursting`."));
                    }
                }
            }
            case "gp2" -> {
                sku = "StandardSSD_LRS";
                azure.put("skuName", sku);
                findings.add(Finding.info("gp2 (3 IOPS/GiB, bursting to 3,000) maps to Standard SSD, which gives 500 "
                        + "IOPS up to 4 TiB; map the class to `managed-csi-premium` in storage.classMap for I/O-heavy "
                        + "volumes (EDGES.md §4.8, §4.9)."));
            }
            case "st1", "sc1", "standard" -> {
                sku = "Standard_LRS";
                azure.put("skuName", sku);
                findings.add(Finding.warning(type + " maps to Standard HDD (Standard_LRS), whose throughput is far "
                        + "below " + type + " for large sequential volumes; prefer Standard SSD or Premium SSD v2 "
                        + "with `DiskMBpsReadWrite` if throughput matters (EDGES.md §4.8)."));
            }
            default -> {
                sku = "StandardSSD_LRS";
                azure.put("skuName", sku);
                findings.add(Finding.warning("Unknown EBS type `" + type + "`; mapped to Standard SSD. Check the tier "
                        + "(EDGES.md §4.8)."));
            }
        }
        String fsType = ebs.containsKey("csi.storage.k8s.io/fstype") ? source.path("parameters")
                .path("csi.storage.k8s.io/fstype").asText(ebs.get("csi.storage.k8s.io/fstype")) : ebs.get("fstype");
        if (fsType != null) {
            azure.put("csi.storage.k8s.io/fstype", fsType);
        }
        encryption(ebs, azure, findings, settings);
        tags(ebs, azure, findings);
        TreeSet<String> dropped = new TreeSet<>();
        TreeSet<String> unknown = new TreeSet<>();
        ebs.keySet().forEach(key -> {
            if (DROPPED.contains(key)) {
                dropped.add(key);
            } else if (!Set.of("type", "iops", "throughput", "encrypted", "kmskeyid", "fstype",
                    "csi.storage.k8s.io/fstype").contains(key) && !key.startsWith("tagspecification")) {
                unknown.add(key);
            }
        });
        if (!dropped.isEmpty()) {
            findings.add(Finding.info("EBS-only parameters dropped: " + dropped + " (no Azure Disk equivalent; "
                    + "EDGES.md §4.3, §4.6)."));
        }
        if (!unknown.isEmpty()) {
            findings.add(Finding.warning("Parameters not known to Ferry dropped: " + unknown + ". Check whether the "
                    + "Azure Disk class needs an equivalent (EDGES.md §4.3)."));
        }
        return new ClassTranslation(StorageFamily.DISK_DRIVER, azure, null, AksClassWriter.DISK_ZONE_KEY, findings,
                "EBS " + type + " → Azure Disk " + sku,
                "EDGES.md §4.1: EBS classes map to the Azure Disk CSI driver `disk.csi.azure.com`; §4.8 (reverse "
                        + "table): `" + type + "` maps to `" + sku + "`; §4.10 renames the CSI zone key.");
    }

    private static void encryption(Map<String, String> ebs, Map<String, String> azure, List<Finding> findings,
                                   MigrationSettings settings) {
        String kms = ebs.get("kmskeyid");
        if (kms == null || kms.isBlank()) {
            if ("true".equalsIgnoreCase(ebs.getOrDefault("encrypted", ""))) {
                findings.add(Finding.info("`encrypted: \"true\"` needs no parameter: Azure disks are always encrypted "
                        + "at rest with platform-managed keys (EDGES.md §4.8)."));
            }
            return;
        }
        var des = settings.text(DES_SETTING);
        if (des.isPresent()) {
            azure.put("diskEncryptionSetID", des.get());
            findings.add(Finding.info("KMS key `" + kms + "` replaced by the disk encryption set of setting "
                    + DES_SETTING + " (EDGES.md §4.8)."));
        } else {
            findings.add(Finding.missingSetting(DES_SETTING, "Volumes of this class were encrypted with customer KMS "
                    + "key `" + kms + "`. Create a Key Vault key and a disk encryption set, grant the AKS cluster "
                    + "identity Reader on it, and set " + DES_SETTING + " to its ARM id (it becomes "
                    + "`diskEncryptionSetID`); until then disks use platform-managed keys (EDGES.md §4.3, §4.8)."));
        }
    }

    private static void tags(Map<String, String> ebs, Map<String, String> azure, List<Finding> findings) {
        List<String> tags = new ArrayList<>();
        List<String> templated = new ArrayList<>();
        new TreeSet<>(ebs.keySet()).stream().filter(k -> k.startsWith("tagspecification")).forEach(k -> {
            String tag = ebs.get(k).strip();
            (tag.contains("{{") ? templated : tags).add(tag);
        });
        if (!tags.isEmpty()) {
            azure.put("tags", String.join(",", tags));
        }
        if (!templated.isEmpty()) {
            findings.add(Finding.warning("Tags " + templated + " use EBS CSI templates ({{ .PVCName }} …), which the "
                    + "Azure Disk driver does not expand; they were dropped."));
        }
    }

    static int integer(String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
