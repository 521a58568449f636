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
 * Translates every EFS StorageClass ({@code efs.csi.aws.com}) into an Azure Files NFS Premium class, which keeps
 * NFS semantics and ReadWriteMany; access-point settings become findings. Naming as for EBS classes.
 */
public final class EfsClassToAzureFileRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("efs-class-to-azure-files-nfs", "EFS StorageClass to Azure Files NFS",
            "Turns each EFS StorageClass into an Azure Files NFS Premium class.",
            Edge.STORAGE, Direction.EKS_TO_AKS, EksStorageClasses.CLASS_MAP, "zones");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void finish(RuleContext context, RuleOutput output) {
        EksStorageClasses index = EksStorageClasses.of(context);
        Set<String> emitted = new HashSet<>();
        for (String name : index.classes(EksStorageClasses.Family.EFS)) {
            ObjectNode source = index.sourceBody(name).orElseThrow();
            AksClassWriter.write(output, context, index, name, source,
                    AzureFileNfsMapping.translate(source, index.claimSizes(name)), emitted);
        }
    }
}
