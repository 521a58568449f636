package dev.ferry.engine.rule.storage;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves Azure Disk VolumeSnapshotClasses to the EBS CSI driver (Azure snapshot parameters dropped) and drops Azure
 * Files snapshot classes, since EFS has no CSI snapshots.
 */
public final class AzureSnapshotClassRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("azure-snapshot-class-to-ebs", "Azure VolumeSnapshotClass to EBS",
            "Points Azure Disk VolumeSnapshotClasses at the EBS CSI driver and drops Azure Files ones.",
            Edge.STORAGE, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!object.isKind("snapshot.storage.k8s.io", "VolumeSnapshotClass")) {
            return;
        }
        StorageFamily family = StorageFamily.ofDriver(object.at("/driver").asText()).orElse(null);
        if (family == StorageFamily.DISK) {
            RuleOutput.ChangeBuilder change = output.change(object)
                    .summary("Azure Disk snapshots → EBS snapshots")
                    .rationale("EDGES.md §4.11: Azure Disk snapshot classes map to `ebs.csi.aws.com`; the Azure "
                            + "parameters (§4.3) mean nothing to EBS (§4.6). The driver field is immutable, so the "
                            + "class is created fresh on EKS.")
                    .replace("/driver", StorageFamily.EBS_DRIVER)
                    .finding(Finding.info("EBS snapshots need the snapshot-controller EKS add-on and the snapshot "
                            + "CRDs on the target (EDGES.md §4.11)."));
            List<String> dropped = new ArrayList<>();
            object.at("/parameters").fieldNames().forEachRemaining(dropped::add);
            if (!dropped.isEmpty()) {
                change.remove("/parameters");
                change.finding(Finding.info("Azure snapshot parameters dropped: " + String.join(", ", dropped)
                        + ". EBS snapshots are incremental by default; add EBS parameters such as "
                        + "tagSpecification_N if needed (EDGES.md §4.6)."));
            }
        } else if (family != null) {
            output.drop(object, family.displayName() + " snapshot class has no EKS equivalent",
                    "EDGES.md §4.11: EFS and S3 have no CSI snapshots, so this class cannot work on EKS.",
                    Finding.actionRequired("VolumeSnapshotClass `" + object.name() + "` snapshotted "
                            + family.displayName() + " volumes. On EKS protect EFS with AWS Backup (or S3 "
                            + "versioning for buckets), and remove VolumeSnapshots that name this class "
                            + "(EDGES.md §4.11)."));
        }
    }
}
