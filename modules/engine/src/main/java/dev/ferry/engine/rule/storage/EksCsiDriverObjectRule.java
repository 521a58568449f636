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
 * Drops the {@code CSIDriver} objects of the EBS and EFS drivers: they belong to the EKS driver installation, and AKS
 * ships the Azure Disk and Azure Files CSI drivers enabled by default (EDGES.md §4.1).
 */
public final class EksCsiDriverObjectRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("eks-csi-driver-object-drop", "EBS/EFS CSIDriver object dropped",
            "Drops CSIDriver objects of the EBS and EFS drivers, which AKS replaces with its built-in CSI drivers.",
            Edge.STORAGE, Direction.EKS_TO_AKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!object.isKind("storage.k8s.io", "CSIDriver")) {
            return;
        }
        EksStorageClasses.familyOf(object.name()).ifPresent(family -> output.drop(object,
                "AWS CSI driver registration not carried",
                "EDGES.md §4.1: the CSIDriver object is part of the " + (family == EksStorageClasses.Family.EBS
                        ? "EBS" : "EFS") + " CSI driver installation; AKS runs its own CSI drivers.",
                Finding.info((family == EksStorageClasses.Family.EBS ? "Azure Disk CSI (`disk.csi.azure.com`)"
                        : "Azure Files CSI (`file.csi.azure.com`)") + " is enabled on AKS by default; the driver's "
                        + "DaemonSet and controller manifests of the AWS driver are not needed either.")));
    }
}
