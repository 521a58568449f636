package dev.ferry.engine.rule.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Finding;
import dev.ferry.engine.settings.MigrationSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps an Azure Disk StorageClass to EBS CSI parameters: the tier table of EDGES.md §4.8, P-tier and E-tier
 * performance of §4.9 sized from the claims of the class, encryption, file system type and tags.
 *
 * <p>gp3 limits are the pre-2025 ones (16,000 IOPS, 1,000 MiB/s, 16 TiB): EDGES.md §4.6 asks to verify the newer
 * limits before relying on them, so anything above goes to io2 with a warning naming the cheaper gp3 option.
 */
final class EbsClassMapping {

    static final String KMS_KEY_SETTING = "storage.kmsKeyId";
    static final int GP3_MAX_IOPS = 16_000;
    static final int GP3_MAX_MIBPS = 1_000;
    static final int GP3_MAX_GIB = 16_384;
    private static final int GP3_BASE_IOPS = 3_000;
    private static final int GP3_BASE_MIBPS = 125;
    private static final int IO2_MAX_IOPS = 256_000;

    /** One row of EDGES.md §4.9. */
    private record Tier(String name, int sizeGiB, int premiumIops, int premiumMBps, int gp3Iops, int gp3MiBps,
                        int standardIops, int standardMBps) {
    }

    private static final List<Tier> TIERS = List.of(
            new Tier("P1/E1", 4, 120, 25, 3000, 125, 500, 60),
            new Tier("P2/E2", 8, 120, 25, 3000, 125, 500, 60),
            new Tier("P3/E3", 16, 120, 25, 3000, 125, 500, 60),
            new Tier("P4/E4", 32, 120, 25, 3000, 125, 500, 60),
            new Tier("P6/E6", 64, 240, 50, 3000, 125, 500, 60),
            new Tier("P10/E10", 128, 500, 100, 3000, 125, 500, 60),
            new Tier("P15/E15", 256, 1100, 125, 3000, 125, 500, 60),
            new Tier("P20/E20", 512, 2300, 150, 3000, 150, 500, 60),
            new Tier("P30/E30", 1024, 5000, 200, 5000, 200, 500, 60),
            new Tier("P40/E40", 2048, 7500, 250, 7500, 250, 500, 60),
            new Tier("P50/E50", 4096, 7500, 250, 7500, 250, 500, 60),
            new Tier("P60/E60", 8192, 16000, 500, 16000, 500, 2000, 400),
            new Tier("P70/E70", 16384, 18000, 750, 18000, 750, 4000, 600),
            new Tier("P80/E80", 32767, 20000, 900, 20000, 900, 6000, 750));

    /** Azure keys with no EBS meaning, dropped with an info note. */
    private static final Set<String> DROPPED = Set.of("cachingMode", "kind", "location", "resourceGroup",
            "subscriptionID", "networkAccessPolicy", "publicNetworkAccess", "diskAccessID", "writeAcceleratorEnabled",
            "perfProfile", "LogicalSectorSize", "attachDiskInitialDelay", "useragent", "zoned", "diskEncryptionType");

    /** The EBS volume settings chosen. */
    private record Volume(String type, Integer iops, Integer throughput) {
    }

    private EbsClassMapping() {
    }

    static ClassTranslation translate(String className, JsonNode source, List<Double> claimSizes,
                                      MigrationSettings settings) {
        AzureParameters azure = new AzureParameters(source.path("parameters"));
        List<Finding> findings = new ArrayList<>();
        List<Double> sizes = new ArrayList<>(claimSizes);
        Collections.sort(sizes);
        String sku = azure.get("skuName", "storageAccountType");
        if (sku == null) {
            sku = "StandardSSD_LRS";
        }
        String skuKey = sku.toLowerCase(Locale.ROOT);
        Volume volume = switch (skuKey) {
            case "standard_lrs" -> {
                findings.add(Finding.info("Standard HDD maps to gp3, which outperforms it at every size; st1/sc1 "
                        + "are cheaper only for large (>= 125 GiB) sequential volumes (EDGES.md §4.8)."));
                yield standard(sizes, findings);
            }
            case "standardssd_lrs", "standardssd_zrs" -> standard(sizes, findings);
            case "premium_lrs", "premium_zrs" -> premium(sizes, findings);
            case "premiumv2_lrs" -> provisioned(azure, findings);
            case "ultrassd_lrs" -> ultra(azure, findings);
            default -> {
                findings.add(Finding.warning("Unknown Azure disk SKU `" + sku + "`; mapped to gp3 at baseline "
                        + "performance. Check the tier (EDGES.md §4.8)."));
                yield new Volume("gp3", null, null);
            }
        };
        if (skuKey.endsWith("_zrs")) {
            findings.add(Finding.warning("`" + sku + "` disks are zone-redundant and attach in any zone; EBS volumes "
                    + "live in one availability zone, so pods using them are pinned to that zone. Keep "
                    + "volumeBindingMode WaitForFirstConsumer and plan zone spread (EDGES.md §4.8)."));
        }
        checkRatio(volume, sizes, findings);

        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("type", volume.type());
        if (volume.iops() != null) {
            parameters.put("iops", String.valueOf(volume.iops()));
        }
        if (volume.throughput() != null) {
            parameters.put("throughput", String.valueOf(volume.throughput()));
        }
        encryption(azure, parameters, findings, settings);
        fileSystem(azure, parameters, findings);
        tags(azure, parameters, findings);
        shared(azure, findings);
        performanceOptions(azure, findings);
        dropped(azure, findings);
        bindingMode(source, findings);
        if ("true".equals(source.path("metadata").path("annotations").path(AksBuiltInClasses.DEFAULT_ANNOTATION)
                .asText())) {
            findings.add(Finding.info("This is the default class. EKS clusters created before 1.30 also mark "
                    + "`gp2` as default: remove that annotation on the target so new claims land here "
                    + "(EDGES.md §4.1)."));
        }

        String performance = volume.iops() == null ? "baseline 3,000 IOPS / 125 MiB/s"
                : volume.iops() + " IOPS" + (volume.throughput() == null ? "" : " / " + volume.throughput() + " MiB/s");
        return new ClassTranslation(StorageFamily.EBS_DRIVER, parameters, null, "topology.ebs.csi.aws.com/zone",
                findings, "Azure Disk " + sku + " → EBS " + volume.type() + " (" + performance + ")",
                "EDGES.md §4.1: Azure Disk classes map to the EBS CSI driver `ebs.csi.aws.com`; §4.8: `" + sku
                        + "` maps to `" + volume.type() + "`; §4.9 sizes performance from the claims of the class; "
                        + "§4.10 renames the CSI zone key.");
    }

    private static Tier tierFor(double gib) {
        return TIERS.stream().filter(t -> t.sizeGiB() >= Math.ceil(gib - 1e-9)).findFirst()
                .orElse(TIERS.get(TIERS.size() - 1));
    }

    private static Volume standard(List<Double> sizes, List<Finding> findings) {
        if (sizes.isEmpty()) {
            findings.add(Finding.info("No claim sizes are known for this class; gp3 baseline 3,000 IOPS / 125 MiB/s "
                    + "exceeds every Standard disk up to 4 TiB (EDGES.md §4.9)."));
            return new Volume("gp3", null, null);
        }
        Tier tier = tierFor(sizes.get(sizes.size() - 1));
        if (tier.standardIops() <= GP3_BASE_IOPS && tier.standardMBps() <= GP3_BASE_MIBPS) {
            findings.add(Finding.info("Largest claim is " + gib(sizes.get(sizes.size() - 1)) + " GiB (tier "
                    + tier.name() + "); gp3 baseline 3,000 IOPS / 125 MiB/s exceeds it (EDGES.md §4.9)."));
            return new Volume("gp3", null, null);
        }
        int iops = Math.max(GP3_BASE_IOPS, tier.standardIops());
        int throughput = Math.max(GP3_BASE_MIBPS, tier.standardMBps());
        findings.add(Finding.info("Largest claim is " + gib(sizes.get(sizes.size() - 1)) + " GiB (Standard SSD "
                + tier.name() + ": " + tier.standardIops() + " IOPS / " + tier.standardMBps() + " MB/s); gp3 set to "
                + iops + " IOPS / " + throughput + " MiB/s (EDGES.md §4.9)."));
        return new Volume("gp3", iops, throughput);
    }

    private static Volume premium(List<Double> sizes, List<Finding> findings) {
        if (sizes.isEmpty()) {
            findings.add(Finding.info("No claim sizes are known for this Premium SSD class, so gp3 keeps its baseline "
                    + "3,000 IOPS / 125 MiB/s, which covers P1-P20 (up to 512 GiB). Volumes of 1 TiB and more (P30+) "
                    + "had more: set `iops`/`throughput` per EDGES.md §4.9."));
            return new Volume("gp3", null, null);
        }
        double largest = sizes.get(sizes.size() - 1);
        Tier tier = tierFor(largest);
        String basis = "Largest claim is " + gib(largest) + " GiB (Premium " + tier.name() + ": " + tier.premiumIops()
                + " IOPS / " + tier.premiumMBps() + " MB/s)";
        if (tier.gp3Iops() > GP3_MAX_IOPS || tier.gp3MiBps() > GP3_MAX_MIBPS || largest > GP3_MAX_GIB) {
            findings.add(Finding.warning(basis + "; above gp3's long-standing limits (16,000 IOPS, 1,000 MiB/s, "
                    + "16 TiB), so io2 with " + tier.premiumIops() + " IOPS. gp3 since 2025 reaches 80,000 IOPS / "
                    + "2,000 MiB/s / 64 TiB in some regions and is cheaper: verify and switch "
                    + "(EDGES.md §4.6, §4.9)."));
            return new Volume("io2", tier.premiumIops(), null);
        }
        findings.add(Finding.info(basis + "; gp3 set to " + tier.gp3Iops() + " IOPS / " + tier.gp3MiBps()
                + " MiB/s (EDGES.md §4.9)."));
        return new Volume("gp3", tier.gp3Iops(), tier.gp3MiBps());
    }

    private static Volume provisioned(AzureParameters azure, List<Finding> findings) {
        int iops = integer(azure.get("DiskIOPSReadWrite"), GP3_BASE_IOPS);
        int throughput = integer(azure.get("DiskMBpsReadWrite"), GP3_BASE_MIBPS);
        if (throughput * 4 > iops) {
            findings.add(Finding.info("gp3 allows 0.25 MiB/s per provisioned IOPS, so " + throughput + " MiB/s "
                    + "needs " + throughput * 4 + " IOPS (the class asked for " + iops + ") (EDGES.md §4.6)."));
            iops = throughput * 4;
        }
        if (iops > GP3_MAX_IOPS || throughput > GP3_MAX_MIBPS) {
            findings.add(Finding.warning("Premium SSD v2 with " + iops + " IOPS / " + throughput + " MB/s is above "
                    + "gp3's long-standing limits (16,000 IOPS, 1,000 MiB/s), so io2 with " + iops + " IOPS (its "
                    + "throughput follows IOPS). gp3 since 2025 reaches 80,000 IOPS / 2,000 MiB/s in some regions and "
                    + "is cheaper: verify and switch (EDGES.md §4.6, §4.8)."));
            return new Volume("io2", Math.min(iops, IO2_MAX_IOPS), null);
        }
        if (iops < GP3_BASE_IOPS) {
            iops = GP3_BASE_IOPS;
        }
        findings.add(Finding.info("Premium SSD v2 performance is kept: gp3 " + iops + " IOPS / " + throughput
                + " MiB/s from DiskIOPSReadWrite/DiskMBpsReadWrite (EDGES.md §4.8)."));
        return new Volume("gp3", iops, throughput);
    }

    private static Volume ultra(AzureParameters azure, List<Finding> findings) {
        String asked = azure.get("DiskIOPSReadWrite");
        int iops = Math.max(100, Math.min(integer(asked, 500), IO2_MAX_IOPS));
        findings.add(Finding.info("Ultra Disk maps to io2 (Block Express) with " + iops + " IOPS"
                + (asked == null ? " (Ultra's default)" : "") + "; io2 throughput follows IOPS, so DiskMBpsReadWrite "
                + "is not carried. For latency-tolerant volumes up to 16,000 IOPS, gp3 is cheaper (EDGES.md §4.8)."));
        return new Volume("io2", iops, null);
    }

    /** EBS caps IOPS per GiB (gp3 500, io2 1,000): a class-wide iops fails for claims too small to carry it. */
    private static void checkRatio(Volume volume, List<Double> sizes, List<Finding> findings) {
        if (volume.iops() == null || sizes.isEmpty()
                || (volume.type().equals("gp3") && volume.iops() <= GP3_BASE_IOPS)) {
            return;
        }
        int perGiB = volume.type().equals("io2") ? 1000 : 500;
        long needed = (long) Math.ceil(volume.iops() / (double) perGiB);
        if (sizes.get(0) < needed) {
            findings.add(Finding.actionRequired("Claims of this class smaller than " + needed + " GiB (the smallest "
                    + "asks " + gib(sizes.get(0)) + " GiB) cannot be created with " + volume.iops() + " IOPS: "
                    + volume.type() + " allows " + perGiB + " IOPS per GiB. Give them a class with lower `iops` or "
                    + "raise their size (EDGES.md §4.6)."));
        }
    }

    private static void encryption(AzureParameters azure, Map<String, String> parameters, List<Finding> findings,
                                   MigrationSettings settings) {
        parameters.put("encrypted", "true");
        String desId = azure.get("diskEncryptionSetID");
        if (desId == null) {
            return;
        }
        String des = desId.substring(desId.lastIndexOf('/') + 1);
        var kmsKey = settings.text(KMS_KEY_SETTING);
        if (kmsKey.isPresent()) {
            parameters.put("kmsKeyId", kmsKey.get());
            findings.add(Finding.info("Customer-managed key of disk encryption set `" + des + "` replaced by the KMS "
                    + "key of setting " + KMS_KEY_SETTING + " (EDGES.md §4.8)."));
        } else {
            findings.add(Finding.missingSetting(KMS_KEY_SETTING, "Disks of this class were encrypted with the "
                    + "customer-managed key of disk encryption set `" + des + "`. Create a KMS key the EBS CSI "
                    + "driver role may use and set " + KMS_KEY_SETTING + " to its ARN (it becomes `kmsKeyId`); "
                    + "until then volumes use the AWS-managed key aws/ebs (EDGES.md §4.6, §4.8)."));
        }
    }

    private static void fileSystem(AzureParameters azure, Map<String, String> parameters, List<Finding> findings) {
        String fsType = azure.get("fsType", "csi.storage.k8s.io/fstype");
        if (fsType == null) {
            return;
        }
        switch (fsType.toLowerCase(Locale.ROOT)) {
            case "ext4", "ext3", "xfs" -> parameters.put("csi.storage.k8s.io/fstype", fsType.toLowerCase(Locale.ROOT));
            case "ntfs" -> {
                parameters.put("csi.storage.k8s.io/fstype", "ntfs");
                findings.add(Finding.warning("fsType ntfs is for Windows nodes; the EBS CSI driver documents xfs, "
                        + "ext3 and ext4. Verify Windows support on the target before relying on it "
                        + "(EDGES.md §4.6)."));
            }
            default -> {
                parameters.put("csi.storage.k8s.io/fstype", "ext4");
                findings.add(Finding.warning("fsType `" + fsType + "` is not offered by the EBS CSI driver (xfs, "
                        + "ext3, ext4); ext4 is used (EDGES.md §4.6)."));
            }
        }
    }

    private static void tags(AzureParameters azure, Map<String, String> parameters, List<Finding> findings) {
        String tags = azure.get("tags");
        if (tags == null) {
            return;
        }
        int n = 0;
        for (String tag : tags.split(",")) {
            if (!tag.isBlank()) {
                parameters.put("tagSpecification_" + ++n, tag.strip());
            }
        }
        findings.add(Finding.info("Azure disk tags carried as " + n + " EBS `tagSpecification_N` parameter(s) "
                + "(EDGES.md §4.6, §4.8)."));
    }

    private static void shared(AzureParameters azure, List<Finding> findings) {
        String maxShares = azure.get("maxShares");
        if (maxShares != null && integer(maxShares, 1) > 1) {
            findings.add(Finding.actionRequired("This class makes shared disks (maxShares " + maxShares + "). EBS "
                    + "attaches a volume to several nodes only as io2 multi-attach with volumeMode Block; the class "
                    + "is mapped for single-node use, and its shared (ReadWriteMany) claims are left for you to move "
                    + "to an io2 multi-attach class or to EFS (EDGES.md §4.12)."));
        }
    }

    private static void performanceOptions(AzureParameters azure, List<Finding> findings) {
        if (azure.isTrue("enableBursting") || azure.isTrue("enablePerformancePlus")) {
            findings.add(Finding.warning("On-demand bursting / performance plus raised these disks above their tier "
                    + "(up to 30,000 IOPS / 1,000 MB/s); gp3 does not burst. Raise `iops`/`throughput` if the "
                    + "workload relied on it (EDGES.md §4.9)."));
        }
    }

    private static void dropped(AzureParameters azure, List<Finding> findings) {
        Set<String> known = azure.drop(DROPPED);
        Set<String> unknown = azure.unused();
        if (!known.isEmpty()) {
            findings.add(Finding.info("Azure-only parameters dropped: " + String.join(", ", known)
                    + " (no EBS equivalent; EDGES.md §4.3, §4.6)."));
        }
        if (!unknown.isEmpty()) {
            findings.add(Finding.warning("Parameters not known to Ferry dropped: " + String.join(", ", unknown)
                    + ". Check whether the EBS class needs an equivalent (EDGES.md §4.6)."));
        }
    }

    private static void bindingMode(JsonNode source, List<Finding> findings) {
        if (!"WaitForFirstConsumer".equals(source.path("volumeBindingMode").asText())) {
            findings.add(Finding.warning("volumeBindingMode is " + source.path("volumeBindingMode").asText("Immediate "
                    + "(default)") + " as in the source. An EBS volume lives in one availability zone, so Immediate "
                    + "binding can create it where the pod cannot run: WaitForFirstConsumer is recommended "
                    + "(EDGES.md §4.8)."));
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

    private static String gib(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
