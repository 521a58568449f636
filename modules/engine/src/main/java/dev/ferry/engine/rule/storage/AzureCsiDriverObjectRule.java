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
 * Drops the {@code CSIDriver} objects of the Azure storage drivers: they belong to the AKS driver installation, and
 * EKS installs its own drivers as add-ons.
 */
public final class AzureCsiDriverObjectRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("azure-csi-driver-object-drop", "Azure CSIDriver object dropped",
            "Drops CSIDriver objects of the Azure storage drivers, which EKS replaces with its own add-ons.",
            Edge.STORAGE, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!object.isKind("storage.k8s.io", "CSIDriver")) {
            return;
        }
        StorageFamily.ofDriver(object.name()).ifPresent(family -> output.drop(object,
                "Azure CSI driver registration not carried",
                "EDGES.md §4.1: the CSIDriver object is part of the " + family.displayName() + " driver installation; "
                        + "on EKS the matching driver registers itself when its add-on is installed.",
                Finding.info(switch (family) {
                    case DISK -> "Install the aws-ebs-csi-driver EKS add-on (driver ebs.csi.aws.com) on the target.";
                    case FILE -> "Install the aws-efs-csi-driver EKS add-on (driver efs.csi.aws.com) on the target.";
                    case BLOB -> "Install the aws-mountpoint-s3-csi-driver EKS add-on if you move Blob volumes to S3.";
                })));
    }
}
