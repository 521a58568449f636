package dev.ferry.engine.rule.storage;

import dev.ferry.engine.rule.Rule;
import java.util.List;

/** The storage edge's rule catalogue (EDGES.md §4). */
public final class StorageRules {

    private StorageRules() {
    }

    /**
     * AKS → EKS storage rules in run order: classes first (they decide names and tiers), then the claims that use
     * them, the data that must move, and the Azure-only objects that cannot.
     */
    public static List<Rule> aksToEks() {
        return List.of(
                new AzureDiskClassToEbsRule(),
                new AzureFileClassToEfsRule(),
                new AzureBlobClassRule(),
                new ClaimStorageClassRule(),
                new VolumeDataCopyRule(),
                new AzureStaticVolumeRule(),
                new AzureInlineVolumeRule(),
                new AzureSnapshotClassRule(),
                new AzureAttributesClassRule(),
                new AzureCsiDriverObjectRule());
    }

    /**
     * EKS → AKS, in run order: the classes first, then the claims that name them, snapshot classes, static volumes
     * and the data to copy.
     */
    public static List<Rule> eksToAks() {
        return List.of(
                new EbsClassToAzureDiskRule(),
                new EfsClassToAzureFileRule(),
                new EksClaimStorageClassRule(),
                new EbsSnapshotClassToAzureRule(),
                new EbsAttributesClassToAzureRule(),
                new EksStaticVolumeRule(),
                new EksCsiDriverObjectRule(),
                new EksVolumeDataCopyRule());
    }
}
