package dev.ferry.engine.rule.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.Optional;

/**
 * Flags pod volumes that mount Azure storage inline (a CSI volume of an Azure driver, or the in-tree
 * {@code azureDisk}/{@code azureFile} sources): they name an Azure resource and cannot be translated, so the
 * workload keeps them, marked action-required, until someone replaces them with a claim.
 */
public final class AzureInlineVolumeRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("azure-inline-volume-to-review", "Inline Azure volume to review",
            "Flags pod volumes that mount an Azure disk, share or container inline.",
            Edge.STORAGE, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        Optional<String> spec = PodTemplates.specPointer(object);
        if (spec.isEmpty()) {
            return;
        }
        for (JsonNode volume : object.at(spec.get() + "/volumes")) {
            Optional<StorageFamily> family = AzureStaticVolumeRule.family(volume);
            if (family.isEmpty()) {
                continue;
            }
            String replacement = family.get() == StorageFamily.FILE
                    ? "an EFS static PersistentVolume (driver efs.csi.aws.com) and a claim"
                    : family.get() == StorageFamily.DISK ? "a claim on an EBS class"
                    : "a static Mountpoint for S3 PersistentVolume and a claim";
            output.change(object).summary("Inline Azure volume left for review")
                    .rationale("EDGES.md §4.1: inline Azure volumes name an Azure resource directly (and often a "
                            + "storage-account key Secret); no EKS driver mounts them, and there is no inline EFS "
                            + "or EBS equivalent to translate to.")
                    .finding(Finding.actionRequired("Volume `" + volume.path("name").asText() + "` mounts "
                            + family.get().displayName() + " `" + AzureStaticVolumeRule.resourceName(volume,
                            family.get()) + "` inline. Replace it with " + replacement + ", copy the data, and "
                            + "reference the claim with persistentVolumeClaim (EDGES.md §4.1, §4.7)."));
        }
    }
}
