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
 * Moves a VolumeSnapshotClass of the EBS CSI driver to {@code disk.csi.azure.com}, dropping the EBS-only parameters
 * (fast snapshot restore, snapshot locks, tag templates). EFS has no CSI snapshots, so there is nothing to carry
 * for it (EDGES.md §4.11).
 */
public final class EbsSnapshotClassToAzureRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("ebs-snapshot-class-to-azure-disk", "EBS snapshot class to Azure Disk",
            "Moves EBS VolumeSnapshotClasses to the Azure Disk CSI driver.", Edge.STORAGE, Direction.EKS_TO_AKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!object.isKind("snapshot.storage.k8s.io", "VolumeSnapshotClass")) {
            return;
        }
        String driver = object.at("/driver").asText();
        if (!driver.equals(StorageFamily.EBS_DRIVER) && !driver.equals(EksStorageClasses.EBS_AUTO_MODE)) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("VolumeSnapshotClass driver " + driver + " → " + StorageFamily.DISK_DRIVER)
                .rationale("EDGES.md §4.11: Azure Disk snapshots are taken by `disk.csi.azure.com` (incremental by "
                        + "default); the EBS snapshot parameters (§4.6) have no Azure meaning.")
                .replace("/driver", StorageFamily.DISK_DRIVER);
        List<String> dropped = new ArrayList<>();
        object.at("/parameters").fieldNames().forEachRemaining(dropped::add);
        if (!dropped.isEmpty()) {
            change.remove("/parameters");
            change.finding(Finding.info("EBS snapshot parameters dropped: " + dropped + " (no Azure Disk "
                    + "equivalent; snapshot locks become Azure resource locks or immutable backup vaults)."));
        }
        change.finding(Finding.warning("EBS snapshots cannot be restored on Azure: VolumeSnapshots and "
                + "VolumeSnapshotContents taken on EKS do not carry over; copy the data (EDGES.md §10.3)."));
    }
}
