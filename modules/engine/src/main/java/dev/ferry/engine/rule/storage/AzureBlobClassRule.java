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
 * Drops Azure Blob StorageClasses ({@code blob.csi.azure.com}) with an action-required finding: EKS has no
 * dynamically provisioning equivalent, only Mountpoint for S3 with static volumes, so a human picks S3 or EFS.
 */
public final class AzureBlobClassRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("azure-blob-class-to-review", "Azure Blob StorageClass to review",
            "Drops each Azure Blob StorageClass and asks for a hand-built S3 Mountpoint or EFS replacement.",
            Edge.STORAGE, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!object.isKind("storage.k8s.io", "StorageClass")
                || StorageFamily.ofDriver(object.at("/provisioner").asText()).orElse(null) != StorageFamily.BLOB) {
            return;
        }
        String protocol = object.at("/parameters/protocol").asText("fuse");
        output.drop(object, "Azure Blob StorageClass has no EKS provisioner",
                "EDGES.md §4.5: nothing on EKS provisions object-storage volumes dynamically; Mountpoint for S3 CSI "
                        + "(`s3.csi.aws.com`) mounts an existing bucket through static PersistentVolumes only. "
                        + "Keeping this class would leave its claims pending against a provisioner that does not "
                        + "exist, so it is dropped and the claims are flagged.",
                Finding.actionRequired("StorageClass `" + object.name() + "` mounted Azure Blob containers ("
                        + protocol + "). On EKS, create an S3 bucket, install the aws-mountpoint-s3-csi-driver "
                        + "add-on and define a static PersistentVolume (driver s3.csi.aws.com, the bucket name) for "
                        + "each claim, or move the data to an EFS class when the application needs full POSIX "
                        + "semantics; then copy the data (EDGES.md §4.5)."));
    }
}
