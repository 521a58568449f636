package dev.ferry.engine.rule.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import java.util.HashSet;
import java.util.Set;

/**
 * Translates every EBS StorageClass the estate defines or its claims name ({@code ebs.csi.aws.com}, the EKS Auto Mode
 * driver, in-tree {@code kubernetes.io/aws-ebs} and the EKS built-in {@code gp2}) into an Azure Disk CSI class by the
 * reverse tier table (EDGES.md §4.8). A class keeping its name is patched in place; a class renamed by
 * {@code storage.classMap} is generated (or left to the AKS built-in it names) and the source dropped.
 */
public final class EbsClassToAzureDiskRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("ebs-class-to-azure-disk", "EBS StorageClass to Azure Disk",
            "Turns each EBS StorageClass into an Azure Disk CSI class with the matching disk SKU and performance.",
            Edge.STORAGE, Direction.EKS_TO_AKS, EksStorageClasses.CLASS_MAP, AzureDiskClassMapping.PREMIUM_V2_SETTING,
            AzureDiskClassMapping.DES_SETTING, "zones");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void finish(RuleContext context, RuleOutput output) {
        EksStorageClasses index = EksStorageClasses.of(context);
        Set<String> emitted = new HashSet<>();
        for (String name : index.classes(EksStorageClasses.Family.EBS)) {
            ObjectNode source = index.sourceBody(name).orElseThrow();
            AksClassWriter.write(output, context, index, name, source,
                    AzureDiskClassMapping.translate(source, context.settings()), emitted);
        }
    }
}
