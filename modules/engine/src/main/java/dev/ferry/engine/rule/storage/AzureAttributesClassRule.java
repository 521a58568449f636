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
 * Moves Azure Disk VolumeAttributesClasses (online performance changes) to the EBS CSI driver, with
 * {@code DiskIOPSReadWrite}/{@code DiskMBpsReadWrite} as {@code iops}/{@code throughput}; drops Azure Files ones.
 */
public final class AzureAttributesClassRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("azure-attributes-class-to-ebs", "Azure VolumeAttributesClass to EBS",
            "Points Azure Disk VolumeAttributesClasses at the EBS CSI driver with IOPS and throughput kept.",
            Edge.STORAGE, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!object.isKind("storage.k8s.io", "VolumeAttributesClass")) {
            return;
        }
        StorageFamily family = StorageFamily.ofDriver(object.at("/driverName").asText()).orElse(null);
        if (family == StorageFamily.DISK) {
            RuleOutput.ChangeBuilder change = output.change(object)
                    .summary("Azure Disk performance class → EBS")
                    .rationale("EDGES.md §4.8: Premium SSD v2 IOPS and throughput map to gp3 `iops` and "
                            + "`throughput`, which the EBS CSI driver can modify online; driverName and parameters "
                            + "are immutable, so the class is created fresh on EKS.")
                    .replace("/driverName", StorageFamily.EBS_DRIVER);
            List<String> dropped = new ArrayList<>();
            object.at("/parameters").fields().forEachRemaining(e -> {
                String key = e.getKey();
                change.remove(Pointer.of("parameters", key));
                switch (key.toLowerCase(Locale.ROOT)) {
                    case "diskiopsreadwrite" -> change.add("/parameters/iops", e.getValue().asText());
                    case "diskmbpsreadwrite" -> change.add("/parameters/throughput", e.getValue().asText());
                    default -> dropped.add(key);
                }
            });
            change.finding(Finding.warning("EBS applies these values to gp3 volumes (throughput is gp3 only; gp3 "
                    + "allows up to 500 IOPS per GiB and 0.25 MiB/s per IOPS). Check them against the volumes that "
                    + "use this class (EDGES.md §4.6)."));
            if (!dropped.isEmpty()) {
                change.finding(Finding.info("Azure-only parameters dropped: " + String.join(", ", dropped) + "."));
            }
        } else if (family != null) {
            output.drop(object, family.displayName() + " performance class has no EKS equivalent",
                    "EDGES.md §4.7: EFS performance is a file-system setting, not a per-volume attribute.",
                    Finding.warning("VolumeAttributesClass `" + object.name() + "` tuned " + family.displayName()
                            + " volumes; set the EFS file system's throughput mode instead and remove "
                            + "volumeAttributesClassName from claims that name it (EDGES.md §4.7)."));
        }
    }
}
