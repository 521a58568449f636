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
 * Translates every Azure Files StorageClass (SMB or NFS) the estate defines or its claims name, AKS built-ins such
 * as {@code azurefile-csi} included, into an EFS CSI access-point class on the file system named by
 * {@code storage.efsFileSystemId}; SMB-only mount options are dropped with a warning.
 */
public final class AzureFileClassToEfsRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("azure-file-class-to-efs", "Azure Files StorageClass to EFS",
            "Turns each Azure Files StorageClass, defined or built-in, into an EFS CSI access-point class.",
            Edge.STORAGE, Direction.AKS_TO_EKS, StorageClassIndex.CLASS_MAP, EfsClassMapping.FILE_SYSTEM_SETTING,
            "zones");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void finish(RuleContext context, RuleOutput output) {
        StorageClassIndex index = StorageClassIndex.of(context);
        Set<String> emitted = new HashSet<>();
        for (String name : index.classes(StorageFamily.FILE)) {
            ObjectNode source = index.sourceBody(name).orElseThrow();
            ClassTranslation translation = EfsClassMapping.translate(name, source, context.settings());
            StorageClassWriter.write(output, context, index, name, source, translation, emitted);
        }
    }
}
