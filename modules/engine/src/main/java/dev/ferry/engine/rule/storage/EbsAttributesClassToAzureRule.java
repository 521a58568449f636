package dev.ferry.engine.rule.storage;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.patch.Pointer;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Moves EBS VolumeAttributesClasses (online volume modification) to the Azure Disk CSI driver, with {@code iops} and
 * {@code throughput} as {@code DiskIOPSReadWrite}/{@code DiskMBpsReadWrite}; drops EFS ones, which have no
 * per-volume attributes on Azure Files.
 */
public final class EbsAttributesClassToAzureRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("ebs-attributes-class-to-azure-disk", "EBS VolumeAttributesClass to Azure Disk",
            "Points EBS VolumeAttributesClasses at the Azure Disk CSI driver with IOPS and throughput kept.",
            Edge.STORAGE, Direction.EKS_TO_AKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!object.isKind("storage.k8s.io", "VolumeAttributesClass")) {
            return;
        }
        String driver = object.at("/driverName").asText();
        if (driver.equals(StorageFamily.EBS_DRIVER)) {
            RuleOutput.ChangeBuilder change = output.change(object)
                    .summary("EBS performance class → Azure Disk")
                    .rationale("EDGES.md §4.8/§4.9: gp3/io2 `iops` and `throughput` map to Premium SSD v2 "
                            + "DiskIOPSReadWrite and DiskMBpsReadWrite, which Azure Disk CSI can modify online; "
                            + "driverName and parameters are immutable, so the class is created fresh on AKS.")
                    .replace("/driverName", StorageFamily.DISK_DRIVER);
            List<String> dropped = new ArrayList<>();
            object.at("/parameters").fields().forEachRemaining(e -> {
                String key = e.getKey();
                change.remove(Pointer.of("parameters", key));
                switch (key.toLowerCase(Locale.ROOT)) {
                    case "iops" -> change.add("/parameters/DiskIOPSReadWrite", e.getValue().asText());
                    case "throughput" -> change.add("/parameters/DiskMBpsReadWrite", e.getValue().asText());
                    default -> dropped.add(key);
                }
            });
            change.finding(Finding.warning("Azure Disk applies these values to Premium SSD v2 and Ultra disks only; "
                    + "check the classes of the claims that name this VolumeAttributesClass (EDGES.md §4.9)."));
            if (!dropped.isEmpty()) {
                change.finding(Finding.info("EBS-only parameters dropped: " + String.join(", ", dropped) + "."));
            }
        } else if (driver.equals(StorageFamily.EFS_DRIVER)) {
            output.drop(object, "EFS performance class has no Azure Files equivalent",
                    "EDGES.md §4.4: Azure Files performance is a share/account setting, not a per-volume attribute.",
                    Finding.warning("VolumeAttributesClass `" + object.name() + "` tuned EFS volumes; size the Azure "
                            + "Files premium share for throughput instead and remove volumeAttributesClassName from "
                            + "claims that name it."));
        }
    }
}
