package dev.ferry.engine.rule.storage;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;

/**
 * Drops PersistentVolumes that point at an EBS volume or EFS file system (CSI {@code volumeHandle} or in-tree
 * {@code awsElasticBlockStore}) and VolumeSnapshotContents that import an EBS snapshot: the handle names an AWS
 * resource that AKS cannot attach. The finding names the
 * volume handle and the data copy to plan.
 */
public final class EksStaticVolumeRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("eks-static-volume-dropped", "EBS/EFS PersistentVolume dropped",
            "Drops PersistentVolumes and snapshot contents bound to EBS or EFS and names the data copy to plan.",
            Edge.STORAGE, Direction.EKS_TO_AKS);

    private static void snapshotContent(KubeObject object, RuleOutput output) {
        String driver = object.at("/spec/driver").asText("");
        if (EksStorageClasses.familyOf(driver).isEmpty()) {
            return;
        }
        String handle = object.at("/spec/source/snapshotHandle").asText(object.at("/spec/source/volumeHandle").asText());
        output.drop(object, "VolumeSnapshotContent of EBS snapshot `" + handle + "` dropped",
                "EDGES.md §4.11/§10.3: EBS snapshots are not portable to Azure; the content object would name a "
                        + "snapshot AKS cannot read.",
                Finding.actionRequired("VolumeSnapshotContent " + object.name() + " imports EBS snapshot `" + handle
                        + "`. Restore its data on EKS, copy it with Velero file-system backup or data movement, and "
                        + "snapshot again on AKS (driver `disk.csi.azure.com`) if a snapshot is needed."));
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (object.isKind("snapshot.storage.k8s.io", "VolumeSnapshotContent")) {
            snapshotContent(object, output);
            return;
        }
        if (!object.isKind("", "PersistentVolume")) {
            return;
        }
        String driver = object.at("/spec/csi/driver").asText("");
        String handle = object.at("/spec/csi/volumeHandle").asText("");
        if (object.at("/spec/awsElasticBlockStore").isObject()) {
            driver = EksStorageClasses.EBS_IN_TREE;
            handle = object.at("/spec/awsElasticBlockStore/volumeID").asText();
        }
        var family = EksStorageClasses.familyOf(driver);
        if (family.isEmpty()) {
            return;
        }
        boolean ebs = family.get() == EksStorageClasses.Family.EBS;
        String claim = object.at("/spec/claimRef/name").isMissingNode() ? "" : " (claimed by "
                + object.at("/spec/claimRef/namespace").asText() + "/" + object.at("/spec/claimRef/name").asText() + ")";
        output.drop(object, "PersistentVolume on " + (ebs ? "EBS" : "EFS") + " `" + handle + "` dropped",
                "EDGES.md §4.1/§10.2: the volume handle names an AWS " + (ebs ? "EBS volume" : "EFS file system")
                        + " that AKS cannot attach; the data moves with a copy (Velero file-system backup, AzCopy) "
                        + "into a new " + (ebs ? "Azure disk" : "Azure file share") + ".",
                Finding.actionRequired("PersistentVolume " + object.name() + claim + " holds data on "
                        + (ebs ? "EBS volume" : "EFS") + " `" + handle + "`. Copy it to a new "
                        + (ebs ? "Azure managed disk (static PV with driver `disk.csi.azure.com` and the disk's ARM id "
                        + "as volumeHandle)" : "Azure file share (static PV with driver `file.csi.azure.com`)")
                        + ", or let the claim provision a fresh volume and restore with Velero (EDGES.md §10.3)."));
    }
}
